using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>
/// Attributions whose cue stands far from the name: a participle of speech that closes the sentence the
/// speaker opens ("Jane Roe attacked the plan on Monday, saying it would fail"), or a statement the
/// subject issued ("Roe issued a statement saying ..."). Written for wire and political copy, where the
/// participle clause is the commonest way to attach a paraphrase to a named actor. It takes the sentence's
/// first name as its subject, so a sentence opened by an object ("Police arrested Roe, saying ...") that is
/// itself a person would be misread; such openings are rare in news prose.
/// </summary>
public static partial class SpeakerExtractor
{
    private const string SpeechParticiples =
        "accusing|acknowledging|adding|admitting|arguing|asking|calling|citing|claiming|complaining|declaring|"
        + "explaining|insisting|noting|promising|saying|stating|telling|tweeting|urging|vowing|warning|writing";

    // Words of the subject's noun phrase before the name ("Republican hopeful Sen. Jane Roe"), never a
    // preposition or a determiner inside it ("Supporters of Roe rallied" is not Roe's statement).
    private const string SubjectLead = @"(?:(?!(?:of|for|with|to|by|from|against|about|on|in|at|after|before|during|than|like|and|or|but|his|her|their|its|the|a|an)\b)[\p{L}\-’'.]+[ \u00a0]+){0,4}?";

    // A sentence's subject: its first name, after a connective and noun-phrase words at most (a full stop after
    // a title or an initial ends no sentence), an appositive may follow, then a finite verb ("criticised",
    // "weighs", "also", "took": not a noun, so in "The Roe campaign responded" Roe is no subject).
    private const string SentenceSubject = @"(?:^|(?<=(?<!\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Sgt|Capt|Adm|Rev|Prof|Ft|Mt|\p{Lu}))[.!?][”""’']?[ \u00a0]+))(?:(?:But|And|Later|Meanwhile|Then|Still|Instead|Earlier|Also),?[ \u00a0]+)?" + SubjectLead + @"(?<name>" + AtomicName
        + @")(?:[ \u00a0]+\([^()\n]{1,30}\))?(?:,[^,“”""\n;]{1,120},)?[ \u00a0]+(?:(?:last|this|next)[ \u00a0]+\p{Ll}+[ \u00a0]+|on[ \u00a0]+\p{Lu}\p{Ll}+[ \u00a0]+|(?:earlier|recently|also)[ \u00a0]+)?(?=(?:\p{Ll}+ed|\p{Ll}{2,}[^s\W]s|also|has|had|have|was|is|were|are|will|would|did|does|then|later|again|now|went|took|made|gave|told|spoke|wrote|sent|came|met|left|put|set|won|lost|held|hit|led|ran|stood|got|brought|thought|felt|kept|said|began|broke|threw|drew|fought|struck|sought|swept|quit|cut|shot|spent|became|chose|knew|saw)\b)";

    // The clause after the subject runs, without a sentence end or a quotation, to ", saying" or "statement
    // saying" ("Lee said, adding" is Lee's).
    [GeneratedRegex(SentenceSubject + @"[^.!?“”""\n;]{0,160}?(?<!\b(?:said|says|told|wrote|added|asked|stated|explained|noted|continued))(?:,|\bstatement)[ \u00a0]+(?:" + SpeechParticiples + @")\b(?![ \u00a0]+to\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ParticipleClause();

    [GeneratedRegex(@"(?:,|\bstatement)[ \u00a0]+(?:" + SpeechParticiples + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex ParticipleCue();

    // "Asked by X whether ...", "when pressed by X": the one who asks or presses speaks too.
    [GeneratedRegex(@"\b(?:[Aa]sked|[Pp]ressed|[Qq]uestioned|[Cc]hallenged)[ \u00a0]+by[ \u00a0]+" + LeadWords + @"(?<name>" + AtomicName + @")(?=[ \u00a0]*(?:[,.;:!?)]|$)|[ \u00a0]+(?:to|whether|if|about|on|for|why|how|what|when|in|at|during|over|and)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex AskedBy();

    // Title-case headlines capitalise the verb ("Jane Roe Says Talks Failed"): these verbs are lowered so
    // the headline reads like a sentence for the attribution patterns.
    [GeneratedRegex(@"(?<=\p{L}[ \u00a0])(?:Says|Said|Tells|Told|Warns|Urges|Slams|Blasts|Claims|Admits|Vows|Defends|Denies|Insists|Calls|Praises|Accuses|Argues|Asks|Explains|Suggests|Predicts|Promises|Pledges|Announces|Reveals|Confirms|Rejects|Dismisses|Criticizes|Condemns|Thanks)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TitleCaseVerb();

    /// <summary>The headline as a sentence: its title-case attribution verbs in lower case.</summary>
    private static string HeadlineAsSentence(string title) =>
        TitleCaseVerb().Replace(title, m => char.ToLowerInvariant(m.Value[0]) + m.Value[1..]);

    /// <summary>The next sentence whose subject a closing participle of speech makes a speaker, or no match.</summary>
    /// <remarks>
    /// The clause is tried only from a little before the next cue (a subject, its appositive and its clause
    /// span fewer than 400 characters), so a paragraph is not scanned at every sentence start for a cue far off.
    /// </remarks>
    private static Match NextParticipleClause(string paragraph, int position)
    {
        var cue = ParticipleCue().Match(paragraph, position);
        return cue.Success ? ParticipleClause().Match(paragraph, Math.Max(position, cue.Index - 400)) : Match.Empty;
    }

    /// <summary>The next "asked by X", looked for only where "ed by" occurs at all.</summary>
    private static Match NextAskedBy(string paragraph, int position) =>
        paragraph.IndexOf("ed by ", position, StringComparison.Ordinal) < 0 ? Match.Empty : AskedBy().Match(paragraph, position);
}
