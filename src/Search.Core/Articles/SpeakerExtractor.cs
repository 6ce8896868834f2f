using System.Text.RegularExpressions;

namespace Search.Core.Articles;

/// <summary>
/// Finds who is quoted or reported: people to whom a statement is attributed by a speech verb
/// ("X said", "said X", "X, a spokesman, told reporters", "according to X", "X and Y wrote"), by a
/// transcript label ("PENCE: ...") or by a pronoun ("he said", given to the last speaker). Names are
/// brought to their fullest form in the article by <see cref="PersonNames"/>; organisations and places that
/// "say" things (Russia, the Kremlin, CNN) are dropped. Written for English news and wire copy; it misses
/// attributions by verbs not on the list and subjects far from their verb, and it cannot tell which of two
/// people a pronoun means (it takes the last speaker).
/// </summary>
public static partial class SpeakerExtractor
{
    private const string Verbs =
        "said|says|say|saying|stated|states|stating|added|adds|adding|told|tells|telling|wrote|writes|writing|"
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
        + "recommended|hopes|hoped|wants|worried|expressed|characterized|decried|signaled|signalled|echoed|"
        + "reacted|criticizes|praises|accuses|warned|cited|conceded|estimated|predicts|explained|asserted|"
        + "announces|reported|revealed|disclosed|answered|objected|protested|boasted|bragged|apologized";


    // Adverbs and auxiliaries that may stand between a subject and its verb: "Smith also said", "has said".
    private const string Between = @"(?:(?:also|later|then|has|had|have|previously|once|recently|repeatedly|again|further|all|both|publicly|been|would|will|on|\p{Ll}+ly|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[ \u00a0]+){0,3}";

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
    [GeneratedRegex(@"(?<!\b(?:for|of|to|with|from|about|against|by|than|like|on|at)[ \u00a0](?:(?:[\p{L}’'\-]+|\p{Lu}\.|Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.|Gen\.)[ \u00a0]){0,4})"
        + @"(?<name>" + PersonNames.Name + @")(?:(?:,[ \u00a0]+(?<name>" + PersonNames.Name + @"))*,?[ \u00a0]+and[ \u00a0]+(?<name>" + PersonNames.Name + @"))?"
        + Of + @"(?:[ \u00a0]+\([^()\n]{1,24}\))?(?:(?:,[ \u00a0]+[^,“”""\n;]{1,120}){1,4},|,[ \u00a0]+(?:an?|the|\p{Lu}\p{L}*[’']s)[ \u00a0][^,“”""\n;]{1,60}?)?,?[ \u00a0]+" + Between + @"(?:" + Verbs + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenVerb();

    // "..., said X" and "” said X": the inverted order after a quote or a clause.
    // The name must end the clause (a comma, full stop or parenthesis follows), so that in "said Trump
    // would lose" the subject of the reported clause is not taken for the speaker.
    [GeneratedRegex(@"(?:(?:[,”""']|\bas)[ \u00a0]*(?:said|says|added|asked|wrote|writes|told|continued|explained|noted|recalled|tweeted|argued|stated|insisted|warned|replied|responded|concluded|declared|observed)|\bSaid)[ \u00a0]+"
        + LeadWords + @"(?<name>" + PersonNames.Name + @")(?=[,.;:!?]|[ \u00a0]*\(|[ \u00a0]*$|[ \u00a0]+(?:on|in|at|of|who|when|during|after|before)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex VerbThenName();

    [GeneratedRegex(@"\baccording to[ \u00a0]+" + LeadWords + @"(?<name>" + PersonNames.Name + ")", RegexOptions.CultureInvariant)]
    private static partial Regex AccordingTo();

    // Transcript labels at the start of a paragraph: "PENCE: Well, look..." or "Clinton: We will...".
    [GeneratedRegex(@"^[""“]?(?<name>\p{Lu}[\p{L}’'.\- ]{1,40}?):[ \u00a0]+\S", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerLabel();

    [GeneratedRegex(@"\b(?:he|she|He|She)[ \u00a0]+" + Between + @"(?:" + Verbs + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex PronounThenVerb();

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

        foreach (var paragraph in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var attributed = FindAttributions(paragraph, people, lastSpeaker, loneWords);
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

    private static int Distance(int at, int start, int end) => at < start ? start - at : at > end ? at - end : 0;

    private static List<(int Index, string Name)> FindAttributions(string paragraph, PersonNames people, string? lastSpeaker, Dictionary<string, int> loneWords)
    {
        var found = new List<(int Index, string Name)>();
        var quoted = QuotedText().Matches(paragraph).Select(q => (Start: q.Index, End: q.Index + q.Length)).ToList();
        foreach (var regex in new[] { NameThenVerb(), VerbThenName(), AccordingTo() })
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

        if (lastSpeaker is not null)
        {
            foreach (Match match in PronounThenVerb().Matches(paragraph))
            {
                // Only when no named attribution precedes it in the paragraph: "he" then means the last speaker.
                if (!found.Any(f => f.Index < match.Index))
                {
                    found.Add((match.Index, lastSpeaker));
                }
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
