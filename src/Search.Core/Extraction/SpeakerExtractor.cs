using System.Text.RegularExpressions;

using Search.Core.Articles;

namespace Search.Core.Extraction;

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
    // Adverbs and auxiliaries that may stand between a subject and its verb: "Smith also said", "has said",
    // "Smith will not announce", "Smith is now arguing".
    private const string Between = @"(?:(?:also|later|then|has|had|have|previously|once|recently|repeatedly|again|further|all|both|publicly|on|still|even|already|now|just|would|will|" + AttributionVerbs.Adverb + "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[ \u00a0]+){0,3}";

    // "Senator X of Texas said", "said Sen. X of Wisconsin": the home state or town qualifies the name.
    private const string Of = @"(?:[ \u00a0]+of[ \u00a0]+\p{Lu}[\p{L}.]*(?:[ \u00a0]+\p{Lu}[\p{L}.]*)?(?:,[ \u00a0]+\p{Lu}[\p{L}.]*(?:[ \u00a0]+\p{Lu}[\p{L}.]*)?)?)?";

    // Words allowed between an inverted verb and the name ("said Republican party boss X", "said Clinton's
    // top aide X"): not prepositions, conjunctions or pronouns, which start something other than the speaker
    // ("said in an interview with X" names the interviewer).
    private const string LeadWords = @"(?:(?!(?:in|on|at|during|after|before|that|to|with|by|from|this|last|next|when|while|if|it|he|she|they|we|I|you|there|as|and|but|so|because|about|what|how|his|her|their)\b)[\p{L}\-’'.]+,?[ \u00a0]+){0,6}?";

    // A name taken whole, never given back a word or a letter at a time: whatever follows a name here opens
    // with a comma or a space, so a shorter name could not match where the whole one fails, and trying every
    // shorter one was most of the extraction time.
    private const string AtomicName = "(?>" + PersonNames.Name + ")";

    // "X said", "X, a spokesman for Y, said", "X and Y wrote", and the appositive whose closing comma was
    // forgotten ("X, China's ambassador to the U.S. said"), only when it opens like one (a/an/the/X's).
    // A name after a preposition is an object, not the subject ("a spokesman for candidate X said"); a
    // list needs its "and" ("A, B and C said"), so "In Las Vegas, X said" does not make Las Vegas speak.
    // Anchored (\G): it is tried only where NextNameThenVerb finds a name that may open an attribution.
    private const string NameThenVerbPattern = @"\G(?<!\b(?:for|(?<!\b(?:Secretary|Minister|Director|Chairman|Chairwoman|Chair|Head|Chief|Commissioner|Administrator|Mayor|Governor|Leader|Speaker)[ \u00a0])of|to|with|from|about|against|by|than|like|on|at|around|into|near|across|inside|outside|behind|under|over|through|toward|towards|among|between|without|within|beside|beyond|onto|upon|via)[ \u00a0](?:(?:[\p{L}’'\-]+|\p{Lu}\.|Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.|Gen\.)[ \u00a0]){0,4})"
        + @"(?<name>" + AtomicName + @")(?:(?:,[ \u00a0]+(?<name>" + AtomicName + @"))*,?[ \u00a0]+and[ \u00a0]+(?:(?:former|then|fellow)[ \u00a0]+)?(?<name>" + AtomicName + @"))?"
        + Of + @"(?:[ \u00a0]+\([^()\n]{1,24}\))?(?:(?:,[ \u00a0]+(?:(?!\p{Ll}{2}[.!?][ \u00a0]+\p{Lu})[^,“”""\n;]){1,120}){1,4},|,[ \u00a0]+(?:an?|the|\p{Lu}\p{L}*[’']s)[ \u00a0](?![^,“”""\n;]{0,60}?\b(?:who|which|that|whose)\b)(?:[^,“”""\n;]{0,58}?[ \u00a0])?\p{Lu}[\p{L}.]*)?,?[ \u00a0]+" + Between + @"(?=\p{Ll})" + AttributionVerbs.AnyVerb + @"\b(?!(?<=\breported)[ \u00a0]+from\b)";


    // "..., said X" and "” said X": the inverted order after a quote or a clause.
    // The name must end the clause (a comma, full stop or parenthesis follows), so that in "said Trump
    // would lose" the subject of the reported clause is not taken for the speaker.
    [GeneratedRegex(@"(?:(?:[,”""']|\bas)[ \u00a0]*(?:said|says|added|asked|wrote|writes|continued|explained|noted|recalled|tweeted|argued|stated|insisted|warned|replied|responded|concluded|declared|observed)|\bSaid)[ \u00a0]+"
        + LeadWords + @"(?<name>" + PersonNames.Name + @")(?=[,.;:!?]|[ \u00a0]*\(|[ \u00a0]*$|[ \u00a0]+(?:on|in|at|of|for|who|when|during|after|before)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex VerbThenName();

    // "according to a statement from X", "according to an interview with X": the document's author speaks.
    // The document may be plural and bare: "according to calculations by X", "according to notes from X".
    [GeneratedRegex(@"\b[Aa]ccording to[ \u00a0]+(?:(?:an?|the|his|her|their)[ \u00a0]+)?(?:[\p{Ll}\-]+[ \u00a0]+){0,2}(?:statements?|interviews?|letters?|memos?|emails?|e-mails?|posts?|tweets?|testimony|filings?|op-ed|speech|remarks|reports?|analysis|analyses|study|studies|column|book|documents?|declaration|affidavit|calculations|estimates|figures|research|projections|notes|records)[ \u00a0]+(?:(?:written|filed|released|issued|signed|prepared|posted)[ \u00a0]+)?(?:from|by|with|of)[ \u00a0]+" + LeadWords + @"(?<name>" + PersonNames.Name + ")", RegexOptions.CultureInvariant)]
    private static partial Regex AccordingToDocument();

    // A quote signed with a dash, as in quote lists and embedded posts: "“We will win.” ― Jane Roe".
    [GeneratedRegex(@"[”""][.,]?[ \u00a0]*[―—–][ \u00a0]*(?<name>" + PersonNames.Name + @")(?=[ \u00a0]*(?:$|\(|[,.]|[ \u00a0][“""]))", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex DashSignature();

    // The name ends the phrase ("according to the Roe average" names no one) and no comma stands before it
    // ("According to exit polls, Roe led" is not Roe's statement).
    [GeneratedRegex(@"\b[Aa]ccording to[ \u00a0]+(?:(?!(?:in|on|at|during|after|before|that|to|with|by|from|for|of|this|last|next|when|while|if|it|he|she|they|we|I|you|there|as|and|but|so|because|about|what|how|his|her|their)\b)[\p{L}\-’'.]+[ \u00a0]+){0,6}?(?<name>" + PersonNames.Name + @")(?=[ \u00a0]*(?:[,.;:!?)—–-]|$)|[ \u00a0]+(?:of|at|from|in|on|who|and|writing|said|says|gave|wrote|made|told|\p{Ll}+ed)\b|[’']s\b)", RegexOptions.CultureInvariant)]
    private static partial Regex AccordingTo();

    // A name and a colon that open a quotation: "... on Twitter. Jane Roe: “We will win.”"
    [GeneratedRegex(@"(?:^|(?<=[.!?…][”""’']?[ \u00a0]+))(?<name>" + PersonNames.Name + @"):[ \u00a0]*[“""]", RegexOptions.CultureInvariant)]
    private static partial Regex NameColonQuote();

    // Transcript labels at the start of a paragraph: "PENCE: Well, look..." or "Clinton: We will...".
    [GeneratedRegex(@"^[""“]?(?<name>\p{Lu}[\p{L}’'.\- ]{1,40}?):[ \u00a0]+(?![\d$%£€+\-−])\S", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerLabel();

    private const string PronounThenVerbPattern = @"\b(?:he|she|He|She)[ \u00a0]+" + Between + AttributionVerbs.AnyVerb + @"\b";

    [GeneratedRegex(@"\b(?<title>Mr|Mrs|Ms)\.?[ \u00a0]+(?:\p{Lu}[\p{L}'’.-]*[ \u00a0]+){0,2}(?<name>\p{Lu}[\p{L}'’-]+)\b(?![ \u00a0]+\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex CourtesyTitle();

    // Curly and straight double quotes, and the doubled apostrophes some wire feeds use ('' ... '').
    [GeneratedRegex(@"(?:[“""]|'')(?<text>[^“”""\n]{2,2000}?)(?:[”""]|'')", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedText();

    /// <summary>
    /// Extracts speakers (people, fullest names, in order of first attribution), the organisations that speak
    /// (<see cref="OrganisationNames"/>, in order) and the direct quotes of both, each quote saying its source's kind.
    /// </summary>
    /// <param name="body">The clean article text, paragraphs separated by newlines.</param>
    /// <param name="title">The headline, if any: it often holds the full name the body shortens.</param>
    public static (IReadOnlyList<string> Speakers, IReadOnlyList<Quote> Quotes, IReadOnlyList<string> Organizations) Extract(string body, string? title = null) =>
        Extract(body, title, AttributionModel.Default, observe: null);

    /// <summary>
    /// As <see cref="Extract(string, string?)"/>, with the quotes given to their sources by <paramref name="model"/>
    /// (null: by the rules alone, the nearest attribution of the paragraph), and each quote's decision shown to
    /// <paramref name="observe"/> (the training command's hook; the decisions do not depend on the model).
    /// </summary>
    public static (IReadOnlyList<string> Speakers, IReadOnlyList<Quote> Quotes, IReadOnlyList<string> Organizations) Extract(
        string body, string? title, AttributionModel? model, Action<QuoteDecision>? observe)
    {
        var people = new PersonNames(title is null ? body : title + "\n" + body);
        var speakers = new List<string>();
        var organizations = new List<string>();
        var quotes = new List<Quote>();
        var loneWords = new Dictionary<string, int>(StringComparer.Ordinal);
        string? lastSpeaker = null;
        var courtesy = CourtesyGenders(body);
        var resolved = new Dictionary<string, string?>(StringComparer.Ordinal);

        // The headline's own attributions ("Jane Roe Says Talks Failed") come first; it is read like a paragraph
        // but sets no pronoun antecedent and owns no quotes.
        if (title is not null)
        {
            foreach (var attribution in FindAttributions(HeadlineAsSentence(title), people, _ => null, loneWords))
            {
                AddSource(attribution, speakers, organizations);
            }
        }

        foreach (var paragraph in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "he" or "she" means the last speaker, unless a courtesy title ("Mr.", "Ms.") gives them the other gender.
            string? Antecedent(bool female) =>
                lastSpeaker is not null && courtesy.GetValueOrDefault(lastSpeaker.Split(' ')[^1], '?') is var gender
                && (gender == '?' || gender == (female ? 'f' : 'm')) ? lastSpeaker : null;

            var attributed = FindAttributions(paragraph, people, Antecedent, loneWords);
            foreach (var attribution in attributed)
            {
                AddSource(attribution, speakers, organizations);
            }

            // A paragraph that is only a quote continues the last speaker's words.
            var quoteSpeakers = attributed.Count > 0
                ? attributed
                : lastSpeaker is not null && paragraph.Length > 0 && paragraph[0] is '“' or '"' ? [(0, lastSpeaker, false, "last")] : [];
            // The last speaker is offered to the model only when the paragraph's "he" or "she" (if any) fits them.
            var he = paragraph.AsSpan().IndexOfAny(QuotationMarks) < 0 ? [] : Pronoun().Matches(paragraph).Select(m => m.Value.ToUpperInvariant()).Distinct().ToList();
            var lastFitting = he.Count == 1 ? Antecedent(he[0] == "SHE") : lastSpeaker;
            AttributeQuotes(new QuoteContext(paragraph, people, attributed, quoteSpeakers, lastFitting, resolved), model, observe, quotes);

            // "He said" goes on meaning the last person, whatever organisation spoke in between.
            if (attributed.LastOrDefault(a => !a.Organization) is { Name: not null } person)
            {
                lastSpeaker = person.Name;
            }
        }

        // A lone word that a speech verb attributes to twice or more is someone the article names by one
        // word only ("Kasich said ... Kasich added"); once could be an organisation or a misparse.
        speakers.AddRange(loneWords.Where(w => w.Value >= 2 && !speakers.Contains(w.Key)).Select(w => w.Key));
        return (speakers, quotes, organizations);
    }

    private static void AddSource((int Index, string Name, bool Organization, string Via) attribution, List<string> speakers, List<string> organizations)
    {
        var list = attribution.Organization ? organizations : speakers;
        if (!list.Contains(attribution.Name))
        {
            list.Add(attribution.Name);
        }
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

    // The two patterns that hold the whole verb lexicon run on the regex interpreter: their source-generated
    // matchers are methods so large that the JIT compiles them without optimisation, and they ran 4× slower.
    private static readonly Regex NameThenVerbAt = new(NameThenVerbPattern, RegexOptions.CultureInvariant);
    private static readonly Regex PronounThenVerb = new(PronounThenVerbPattern, RegexOptions.CultureInvariant);

    private static readonly Func<string, int, Match>[] OtherPatterns =
    [
        VerbThenName().Match, AccordingTo().Match, AccordingToDocument().Match, DashSignature().Match, NameColonQuote().Match,
        NextParticipleClause, NextAskedBy,
    ];

    private static readonly Func<string, int, Match>[] VerbPatterns = [NextNameThenVerb, NextCoordinatedClause, .. OtherPatterns];

    // Which pattern found an attribution, a feature of the learned attribution (one name per VerbPatterns entry).
    private static readonly string[] VerbPatternNames = ["name-verb", "coordinated", "verb-name", "according", "according-doc", "dash", "colon", "participle", "asked-by"];

    private static List<(int Index, string Name, bool Organization, string Via)> FindAttributions(string paragraph, PersonNames people, Func<bool, string?> antecedent, Dictionary<string, int> loneWords)
    {
        var found = new List<(int Index, string Name, bool Organization, string Via)>();
        var quoted = QuotedText().Matches(paragraph).Select(q => (Start: q.Index, End: q.Index + q.Length)).ToList();
        // The verb-led patterns cannot match a paragraph without an attribution verb, and they are the dear ones.
        var hasVerb = AttributionVerbs.MayContain(paragraph);
        var patterns = hasVerb ? VerbPatterns : OtherPatterns;
        for (var p = 0; p < patterns.Length; p++)
        {
            var next = patterns[p];
            var via = VerbPatternNames[p + VerbPatterns.Length - patterns.Length];
            var position = 0;
            while (position < paragraph.Length && next(paragraph, position) is { Success: true } match)
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
                        found.Add((capture.Index, name, false, via));
                        resolvedAny = true;
                    }
                    else if (OrganisationNames.Name(capture.Value) is { } organization)
                    {
                        found.Add((capture.Index, organization, true, via));
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
            found.Add((0, labelled, false, "label"));
        }

        foreach (Match match in hasVerb ? PronounThenVerb.Matches(paragraph) : Enumerable.Empty<Match>())
        {
            // Only when no named attribution precedes it in the paragraph: "he" then means the last speaker.
            if (!found.Any(f => f.Index < match.Index)
                && antecedent(match.Value.StartsWith("s", StringComparison.OrdinalIgnoreCase)) is { } person)
            {
                found.Add((match.Index, person, false, "pronoun"));
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
