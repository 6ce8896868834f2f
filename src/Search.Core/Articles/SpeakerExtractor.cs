using System.Text.RegularExpressions;

namespace Search.Core.Articles;

/// <summary>
/// Finds who is quoted or reported: people to whom a statement is attributed by an attribution verb
/// ("X said", "said X", "X, a spokesman, told reporters", "X and Y wrote"; also verbs of evaluation, stance
/// and demand: "X condemned", "X believes", "X will propose", "X is arguing", but not passives), by a
/// document ("according to X", "according to a statement from X"), by a transcript label ("PENCE: ...",
/// "X: “...”"), by a dash signature ("“...” ― X") or by a pronoun ("he said", given to the last speaker
/// when no courtesy title says otherwise). Names are brought to their fullest form in the article by
/// <see cref="PersonNames"/>; organisations and places that "say" things (Russia, the Kremlin, CNN) are
/// dropped. Written for English news and wire copy; it misses attributions by verbs not on the lists and
/// subjects far from their verb, and it cannot tell which of two people a pronoun means (it takes the
/// last speaker).
/// </summary>
public static partial class SpeakerExtractor
{
    private const string Verbs =
        "said|says|say|saying|stated|stating|added|adds|adding|told|tells|telling|wrote|writes|"
        + "claimed|claims|claiming|argued|argues|arguing|noted|notes|noting|explained|explains|explaining|"
        + "warned|warns|warning|insisted|insists|denied|denies|urged|urges|asked|asks|declared|announced|"
        + "acknowledged|acknowledges|admitted|admits|replied|responded|continued|concluded|tweeted|posted|"
        + "emphasized|emphasised|stressed|suggested|suggests|contended|maintained|recalled|predicted|promised|"
        + "vowed|pointed out|countered|conceded|cautioned|complained|observed|remarked|joked|quipped|wondered|"
        + "confirmed|reiterated|testified|told reporters|said in a statement|wrote in|charged|alleged|"
        + "believes|thinks|agreed|disagreed|criticized|criticised|praised|accused|blasted|slammed|called|calls|"
        // Stance verbs: PolNeAR-style attribution counts what a person proposes, rejects or declines as a
        // statement too ("X proposed a tax", "X declined to comment").
        + "proposed|proposes|endorsed|endorses|declined|refused|assured|lamented|dismissed|described|describes|"
        + "questioned|defended|rejected|hammered|blamed|mocked|attacked|demanded|touted|welcomed|pledged|"
        + "recommended|hopes|hoped|worried|expressed|characterized|decried|signaled|signalled|echoed|"
        + "reacted|criticizes|praises|accuses|warned|cited|conceded|estimated|predicts|explained|asserted|"
        + "announces|reported|revealed|disclosed|answered|objected|protested|boasted|bragged|apologized";


    // Communication verbs: "X announced", "X testified", "X has repeatedly mentioned".
    private const string SpeechVerbs =
        "says|said|tells|told|writes|wrote|adds|added|stated|claims|claimed|argues|argued|"
        + "notes|noted|explains|explained|warns|warned|insists|insisted|denies|denied|urges|urged|asks|asked|"
        + "declares|declared|announces|announced|acknowledges|acknowledged|admits|admitted|replies|replied|"
        + "responds|responded|tweets|tweeted|posts|posted|emphasizes|emphasized|stresses|stressed|suggests|"
        + "suggested|contends|contended|maintains|maintained|recalls|recalled|predicts|predicted|promises|"
        + "promised|vows|vowed|counters|countered|concedes|conceded|cautions|cautioned|complains|complained|"
        + "observes|observed|remarks|remarked|jokes|joked|wonders|wondered|confirms|confirmed|reiterates|"
        + "reiterated|testifies|testified|charges|charged|alleges|alleged|mentions|mentioned|comments|"
        + "commented|repeats|repeated|hints|hinted|informs|informed|reassures|"
        + "reassured|assures|assured|pleads|pleaded|muses|mused|recounts|recounted|discloses|disclosed|reveals|"
        + "revealed|reports|reported|proclaims|proclaimed|clarifies|clarified|reaffirms|reaffirmed|boasts|"
        + "boasted|brags|bragged|apologizes|apologized|answers|answered|objects|objected|protests|protested";

    // Evaluation verbs, which state a judgement: "X condemned the ruling", "X called it a disgrace".
    private const string EvaluationVerbs =
        "criticizes|criticized|criticises|criticised|praises|praised|accuses|accused|blasts|blasted|slams|"
        + "slammed|blames|blamed|mocks|mocked|attacks|attacked|decries|decried|condemns|condemned|denounces|"
        + "denounced|disputes|disputed|applauds|applauded|commends|commended|congratulates|congratulated|"
        + "thanks|thanked|lambastes|lambasted|bashes|bashed|chides|chided|scolds|scolded|rebukes|rebuked|"
        + "faults|faulted|derides|derided|ridicules|ridiculed|hails|hailed|assails|assailed|castigates|"
        + "castigated|excoriates|excoriated|dubs|dubbed|questions|questioned|rejects|"
        + "rejected|dismisses|dismissed|defends|defended|calls|called|describes|described|characterizes|"
        + "characterized";

    // Stance and cognition verbs, which attribute a belief or wish: "X believes", "X knows", "X opposes".
    private const string StanceVerbs =
        "believes|believed|thinks|thought|feels|felt|expects|expected|fears|feared|doubts|"
        + "doubted|suspects|suspected|worries|worried|hopes|hoped|agrees|agreed|disagrees|"
        + "disagreed|opposes|opposed|supports|supported|favors|favored";

    // Directive and commissive verbs, which attribute a demand or an undertaking: "X proposed", "X threatened", "X plans".
    private const string DirectiveVerbs =
        "proposes|proposed|demands|demanded|recommends|recommended|endorses|endorsed|pledges|pledged|"
        + "threatens|threatened|declines|declined|refuses|refused|offers|offered|requests|requested|appeals|"
        + "appealed|encourages|encouraged|seeks|sought|plans|planned|intends|intended";

    // The same lemmas after a modal or "did": "X will announce", "X did not deny".
    private const string BaseVerbs =
        "say|tell|write|add|state|claim|argue|note|explain|warn|insist|deny|urge|ask|declare|announce|"
        + "acknowledge|admit|reply|tweet|post|emphasize|stress|suggest|contend|maintain|recall|predict|"
        + "promise|vow|counter|concede|caution|complain|observe|remark|joke|wonder|confirm|reiterate|testify|"
        + "charge|allege|mention|repeat|hint|inform|reassure|assure|plead|muse|recount|"
        + "disclose|reveal|report|proclaim|clarify|reaffirm|boast|brag|apologize|object|protest|"
        + "criticize|criticise|praise|accuse|blast|slam|blame|mock|attack|decry|condemn|denounce|dispute|"
        + "applaud|commend|congratulate|thank|lambaste|bash|chide|scold|rebuke|fault|deride|ridicule|hail|"
        + "assail|castigate|excoriate|dub|question|reject|dismiss|defend|call|describe|characterize|"
        + "believe|think|feel|expect|fear|doubt|suspect|worry|hope|agree|disagree|oppose|support|"
        + "favor|propose|demand|recommend|endorse|pledge|threaten|decline|refuse|offer|request|appeal|"
        + "encourage|seek|plan|intend";

    // And after a form of "be": "X is promising", "X was arguing" (never "X was criticized by", a passive).
    private const string ProgressiveVerbs =
        "saying|telling|writing|adding|stating|claiming|arguing|noting|explaining|warning|insisting|denying|"
        + "urging|asking|declaring|announcing|acknowledging|admitting|replying|responding|tweeting|posting|"
        + "emphasizing|stressing|suggesting|contending|maintaining|recalling|predicting|promising|vowing|"
        + "countering|conceding|cautioning|complaining|observing|remarking|joking|wondering|confirming|"
        + "reiterating|testifying|charging|alleging|mentioning|commenting|repeating|hinting|"
        + "informing|reassuring|assuring|pleading|musing|recounting|disclosing|revealing|reporting|proclaiming|"
        + "clarifying|reaffirming|boasting|bragging|apologizing|answering|objecting|protesting|criticizing|"
        + "criticising|praising|accusing|blasting|slamming|blaming|mocking|attacking|decrying|condemning|"
        + "denouncing|disputing|applauding|commending|congratulating|thanking|lambasting|bashing|chiding|"
        + "scolding|rebuking|faulting|deriding|ridiculing|hailing|assailing|castigating|excoriating|dubbing|"
        + "questioning|rejecting|dismissing|defending|calling|describing|characterizing|believing|"
        + "thinking|feeling|expecting|fearing|doubting|suspecting|worrying|hoping|agreeing|"
        + "disagreeing|opposing|supporting|favoring|proposing|demanding|recommending|endorsing|pledging|"
        + "threatening|declining|refusing|offering|requesting|appealing|encouraging|planning|intending";

    // An -ly adverb ("Smith repeatedly said"), not a noun that ends like one ("a Trump rally said").
    private const string Adverb = @"(?!(?:rally|family|ally|tally|assembly|supply|reply|daily|weekly|monthly|belly|bully|jelly|holly|folly)\b)\p{Ll}{2,}ly";

    // Auxiliaries that take the base form, and forms of "be" that take the -ing form.
    private const string Modals = @"(?:will|would|could|can|should|may|might|must|did|does|do|not|never|won['’]t|wouldn['’]t|didn['’]t|doesn['’]t|don['’]t|can['’]t|couldn['’]t)";
    private const string BeForms = @"(?:is|was|were|are|been|be|being|get|gets|got)";

    /// <summary>
    /// Any attribution verb: the speech verbs and the four classes above in their finite forms, the base form
    /// after a modal ("will announce"), the -ing form after a form of "be" ("is arguing"). A form of "be"
    /// followed by a past participle is a passive ("X was criticized by Y" makes Y the source) and is not matched.
    /// </summary>
    private const string AnyVerb = @"(?:(?:" + Verbs + "|" + SpeechVerbs + "|" + EvaluationVerbs + "|" + StanceVerbs + "|" + DirectiveVerbs
        + @")|" + Modals + @"[ \u00a0]+(?:not[ \u00a0]+)?(?:" + BaseVerbs + @")|" + BeForms + @"[ \u00a0]+(?:(?:not|also|still|now|" + Adverb + @")[ \u00a0]+){0,2}(?:" + ProgressiveVerbs + @"))";

    // Adverbs and auxiliaries that may stand between a subject and its verb: "Smith also said", "has said",
    // "Smith will not announce", "Smith is now arguing".
    private const string Between = @"(?:(?:also|later|then|has|had|have|previously|once|recently|repeatedly|again|further|all|both|publicly|on|still|even|already|now|just|would|will|" + Adverb + "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[ \u00a0]+){0,3}";

    // "Senator X of Texas said", "said Sen. X of Wisconsin": the home state or town qualifies the name.
    private const string Of = @"(?:[ \u00a0]+of[ \u00a0]+\p{Lu}[\p{L}.]*(?:[ \u00a0]+\p{Lu}[\p{L}.]*)?(?:,[ \u00a0]+\p{Lu}[\p{L}.]*(?:[ \u00a0]+\p{Lu}[\p{L}.]*)?)?)?";

    // Words allowed between an inverted verb and the name ("said Republican party boss X", "said Clinton's
    // top aide X"): not prepositions, conjunctions or pronouns, which start something other than the speaker
    // ("said in an interview with X" names the interviewer).
    private const string LeadWords = @"(?:(?!(?:in|on|at|during|after|before|that|to|with|by|from|this|last|next|when|while|if|it|he|she|they|we|I|you|there|as|and|but|so|because|about|what|how|his|her|their)\b)[\p{L}\-’'.]+,?[ \u00a0]+){0,6}?";

    // "X said", "X, a spokesman for Y, said", "X and Y wrote", and the appositive whose closing comma was
    // forgotten ("X, China's ambassador to the U.S. said"), only when it opens like one (a/an/the/X's).
    // A name after a preposition is an object, not the subject ("a spokesman for candidate X said"); a
    // list needs its "and" ("A, B and C said"), so "In Las Vegas, X said" does not make Las Vegas speak.
    [GeneratedRegex(@"(?<!\b(?:for|(?<!\b(?:Secretary|Minister|Director|Chairman|Chairwoman|Chair|Head|Chief|Commissioner|Administrator|Mayor|Governor|Leader|Speaker)[ \u00a0])of|to|with|from|about|against|by|than|like|on|at|around|into|near|across|inside|outside|behind|under|over|through|toward|towards|among|between|without|within|beside|beyond|onto|upon|via)[ \u00a0](?:(?:[\p{L}’'\-]+|\p{Lu}\.|Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.|Gen\.)[ \u00a0]){0,4})"
        + @"(?<name>" + PersonNames.Name + @")(?:(?:,[ \u00a0]+(?<name>" + PersonNames.Name + @"))*,?[ \u00a0]+and[ \u00a0]+(?:(?:former|then|fellow)[ \u00a0]+)?(?<name>" + PersonNames.Name + @"))?"
        + Of + @"(?:[ \u00a0]+\([^()\n]{1,24}\))?(?:(?:,[ \u00a0]+(?:(?!\p{Ll}{2}[.!?][ \u00a0]+\p{Lu})[^,“”""\n;]){1,120}){1,4},|,[ \u00a0]+(?:an?|the|\p{Lu}\p{L}*[’']s)[ \u00a0](?![^,“”""\n;]{0,60}?\b(?:who|which|that|whose)\b)(?:[^,“”""\n;]{0,58}?[ \u00a0])?\p{Lu}[\p{L}.]*)?,?[ \u00a0]+" + Between + @"(?=\p{Ll})" + AnyVerb + @"\b(?!(?<=\breported)[ \u00a0]+from\b)", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenVerb();

    // "..., said X" and "” said X": the inverted order after a quote or a clause.
    // The name must end the clause (a comma, full stop or parenthesis follows), so that in "said Trump
    // would lose" the subject of the reported clause is not taken for the speaker.
    [GeneratedRegex(@"(?:(?:[,”""']|\bas)[ \u00a0]*(?:said|says|added|asked|wrote|writes|continued|explained|noted|recalled|tweeted|argued|stated|insisted|warned|replied|responded|concluded|declared|observed)|\bSaid)[ \u00a0]+"
        + LeadWords + @"(?<name>" + PersonNames.Name + @")(?=[,.;:!?]|[ \u00a0]*\(|[ \u00a0]*$|[ \u00a0]+(?:on|in|at|of|who|when|during|after|before)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex VerbThenName();

    // "according to a statement from X", "according to an interview with X": the document's author speaks.
    [GeneratedRegex(@"\baccording to[ \u00a0]+(?:an?|the)[ \u00a0]+(?:[\p{Ll}\-]+[ \u00a0]+){0,2}(?:statement|interview|letter|memo|email|e-mail|post|tweet|testimony|filing|op-ed|speech|remarks|report|analysis|study|column|book|document|declaration|affidavit)[ \u00a0]+(?:(?:written|filed|released|issued|signed|prepared|posted)[ \u00a0]+)?(?:from|by|with|of)[ \u00a0]+" + LeadWords + @"(?<name>" + PersonNames.Name + ")", RegexOptions.CultureInvariant)]
    private static partial Regex AccordingToDocument();

    // A quote signed with a dash, as in quote lists and embedded posts: "“We will win.” ― Jane Roe".
    [GeneratedRegex(@"[”""][.,]?[ \u00a0]*[―—–][ \u00a0]*(?<name>" + PersonNames.Name + @")(?=[ \u00a0]*(?:$|\(|[,.]|[ \u00a0][“""]))", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex DashSignature();

    [GeneratedRegex(@"\baccording to[ \u00a0]+" + LeadWords + @"(?<name>" + PersonNames.Name + ")", RegexOptions.CultureInvariant)]
    private static partial Regex AccordingTo();

    // A name and a colon that open a quotation: "... on Twitter. Jane Roe: “We will win.”"
    [GeneratedRegex(@"(?:^|(?<=[.!?…][”""’']?[ \u00a0]+))(?<name>" + PersonNames.Name + @"):[ \u00a0]*[“""]", RegexOptions.CultureInvariant)]
    private static partial Regex NameColonQuote();

    // Transcript labels at the start of a paragraph: "PENCE: Well, look..." or "Clinton: We will...".
    [GeneratedRegex(@"^[""“]?(?<name>\p{Lu}[\p{L}’'.\- ]{1,40}?):[ \u00a0]+(?![\d$%£€+\-−])\S", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerLabel();

    [GeneratedRegex(@"\b(?:he|she|He|She)[ \u00a0]+" + Between + AnyVerb + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex PronounThenVerb();

    [GeneratedRegex(@"\b(?<title>Mr|Mrs|Ms)\.?[ \u00a0]+(?:\p{Lu}[\p{L}'’.-]*[ \u00a0]+){0,2}(?<name>\p{Lu}[\p{L}'’-]+)\b(?![ \u00a0]+\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex CourtesyTitle();

    // Curly and straight double quotes, and the doubled apostrophes some wire feeds use ('' ... '').
    [GeneratedRegex(@"(?:[“""]|'')(?<text>[^“”""\n]{2,2000}?)(?:[”""]|'')", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedText();

    /// <summary>Extracts speakers (fullest names, in order of first attribution) and their direct quotes.</summary>
    /// <param name="body">The clean article text, paragraphs separated by newlines.</param>
    /// <param name="title">The headline, if any: it often holds the full name the body shortens.</param>
    public static (IReadOnlyList<string> Speakers, IReadOnlyList<Quote> Quotes) Extract(string body, string? title = null)
    {
        var people = new PersonNames(title is null ? body : title + "\n" + body);
        var speakers = new List<string>();
        var quotes = new List<Quote>();
        var loneWords = new Dictionary<string, int>(StringComparer.Ordinal);
        string? lastSpeaker = null;
        var courtesy = CourtesyGenders(body);

        foreach (var paragraph in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "he" or "she" means the last speaker, unless a courtesy title ("Mr.", "Ms.") gives them the other gender.
            string? Antecedent(bool female) =>
                lastSpeaker is not null && courtesy.GetValueOrDefault(lastSpeaker.Split(' ')[^1], '?') is var gender
                && (gender == '?' || gender == (female ? 'f' : 'm')) ? lastSpeaker : null;

            var attributed = FindAttributions(paragraph, people, Antecedent, loneWords);
            foreach (var (_, speaker) in attributed)
            {
                if (!speakers.Contains(speaker))
                {
                    speakers.Add(speaker);
                }
            }

            // A paragraph that is only a quote continues the last speaker's words.
            var quoteSpeakers = attributed.Count > 0
                ? attributed
                : lastSpeaker is not null && paragraph.Length > 0 && paragraph[0] is '“' or '"' ? [(0, lastSpeaker)] : [];
            if (quoteSpeakers.Count > 0)
            {
                foreach (Match quote in QuotedText().Matches(paragraph))
                {
                    var text = quote.Groups["text"].Value.Trim().TrimEnd(',');
                    if (text.Split(' ').Length >= 3)
                    {
                        // The attribution nearest the quote (by character distance) owns it.
                        var owner = quoteSpeakers.MinBy(a => Distance(a.Index, quote.Index, quote.Index + quote.Length)).Name;
                        quotes.Add(new Quote(owner, text));
                    }
                }
            }

            if (attributed.Count > 0)
            {
                lastSpeaker = attributed[^1].Name;
            }
        }

        // A lone word that a speech verb attributes to twice or more is someone the article names by one
        // word only ("Kasich said ... Kasich added"); once could be an organisation or a misparse.
        speakers.AddRange(loneWords.Where(w => w.Value >= 2 && !speakers.Contains(w.Key)).Select(w => w.Key));
        return (speakers, quotes);
    }

    /// <summary>Surnames the article writes after "Mr." ('m') or after "Mrs."/"Ms." ('f'); both: '?'.</summary>
    private static Dictionary<string, char> CourtesyGenders(string body)
    {
        var genders = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (Match match in CourtesyTitle().Matches(body))
        {
            var gender = match.Groups["title"].Value == "Mr" ? 'm' : 'f';
            var surname = match.Groups["name"].Value;
            genders[surname] = genders.TryGetValue(surname, out var known) && known != gender ? '?' : gender;
        }

        return genders;
    }

    private static int Distance(int at, int start, int end) => at < start ? start - at : at > end ? at - end : 0;

    private static List<(int Index, string Name)> FindAttributions(string paragraph, PersonNames people, Func<bool, string?> antecedent, Dictionary<string, int> loneWords)
    {
        var found = new List<(int Index, string Name)>();
        var quoted = QuotedText().Matches(paragraph).Select(q => (Start: q.Index, End: q.Index + q.Length)).ToList();
        foreach (var regex in new[] { NameThenVerb(), VerbThenName(), AccordingTo(), AccordingToDocument(), DashSignature(), NameColonQuote() })
        {
            var position = 0;
            while (position < paragraph.Length && regex.Match(paragraph, position) is { Success: true } match)
            {
                var resolvedAny = false;
                foreach (Capture capture in match.Groups["name"].Captures)
                {
                    // Inside a quotation, "X said" is the speaker's own report, not the article's attribution.
                    if (quoted.Any(q => capture.Index > q.Start && capture.Index < q.End))
                    {
                        continue;
                    }

                    if (people.Resolve(capture.Value) is { } name)
                    {
                        found.Add((capture.Index, name));
                        resolvedAny = true;
                    }
                    else if (people.Clean(capture.Value) is { } lone && !lone.Contains(' ', StringComparison.Ordinal))
                    {
                        loneWords[lone] = loneWords.GetValueOrDefault(lone) + 1;
                    }
                }

                // When the match named nobody ("However, Jane Roe, a lawyer, said" first matches "However"),
                // search again just after its first name, so the real subject further on is not swallowed.
                var first = match.Groups["name"].Captures[0];
                position = resolvedAny ? match.Index + match.Length : first.Index + first.Length;
            }
        }

        var label = SpeakerLabel().Match(paragraph);
        if (label.Success && ResolveLabel(label.Groups["name"].Value, people) is { } labelled)
        {
            found.Add((0, labelled));
        }

        foreach (Match match in PronounThenVerb().Matches(paragraph))
        {
            // Only when no named attribution precedes it in the paragraph: "he" then means the last speaker.
            if (!found.Any(f => f.Index < match.Index)
                && antecedent(match.Value.StartsWith("s", StringComparison.OrdinalIgnoreCase)) is { } person)
            {
                found.Add((match.Index, person));
            }
        }

        return [.. found.OrderBy(f => f.Index).DistinctBy(f => f.Name)];
    }

    /// <summary>"PENCE" or "Pence" as a transcript label: a person only if the article names them fully.</summary>
    private static string? ResolveLabel(string label, PersonNames people)
    {
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 3)
        {
            return null;
        }

        var surname = words[^1];
        return people.FullNames.Keys
            .Where(n => n.EndsWith(" " + surname, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(n => people.FullNames[n])
            .FirstOrDefault();
    }
}
