using Search.Core.Articles;

namespace Search.Core.Extraction;

/// <summary>
/// Who owns each quoted string of a paragraph (#24, "recall beyond rules"). The rules give a quote to the
/// attribution of its paragraph nearest by characters, or, in a paragraph that opens with a quote and has none, to
/// the last speaker. The learned step (<see cref="AttributionModel"/>) chooses instead among the same candidates
/// plus the people the quote's sentence names, or no one, by features of each (which pattern found it, side and
/// distance, same sentence, quotes or names in between, name shape, what stands next to a bare mention, whether the
/// quote reads as a statement). It was trained on PolNeAR train, tuned on dev; see docs/extraction.md.
/// </summary>
public static partial class SpeakerExtractor
{
    /// <summary>What the quote step knows of a paragraph: its attributions, the rules' candidates and the last speaker before it.</summary>
    private sealed record QuoteContext(
        string Paragraph,
        PersonNames People,
        List<(int Index, string Name, bool Organization, string Via)> Attributed,
        List<(int Index, string Name, bool Organization, string Via)> RuleSpeakers,
        string? LastSpeaker,
        Dictionary<string, string?> Resolved);

    /// <summary>Gives each quoted string of the paragraph to a source (or to no one) and adds it to <paramref name="quotes"/>.</summary>
    private static void AttributeQuotes(QuoteContext context, AttributionModel? model, Action<QuoteDecision>? observe, List<Quote> quotes)
    {
        var paragraph = context.Paragraph;
        // Most paragraphs hold no quotation mark at all: the quotation pattern is not run over them.
        if (paragraph.AsSpan().IndexOfAny(QuotationMarks) < 0)
        {
            return;
        }

        var matches = QuotedText().Matches(paragraph);
        if (matches.Count == 0)
        {
            return;
        }

        var spans = matches.Select(m => (Start: m.Index, End: m.Index + m.Length)).ToArray();
        // Quotes that share a sentence share its mentions: found once per sentence.
        var mentions = new Dictionary<int, List<(int Index, string Name)>>();
        for (var q = 0; q < matches.Count; q++)
        {
            var quote = matches[q];
            var text = quote.Groups["text"].Value.Trim().TrimEnd(',');
            var ruleOwner = context.RuleSpeakers.Count > 0 && IsStatement(text, paragraph, quote.Index, context.RuleSpeakers.Select(a => a.Index))
                ? context.RuleSpeakers.MinBy(a => Distance(a.Index, quote.Index, quote.Index + quote.Length))
                : ((int Index, string Name, bool Organization, string Via)?)null;
            string? name;
            bool organization;
            if (model is null && observe is null)
            {
                (name, organization) = (ruleOwner?.Name, ruleOwner?.Organization ?? false);
            }
            else if (IsTitleCase(text) || (text.Count(c => c == ' ') < 2 && text.FirstOrDefault(char.IsLetter) is var first && !char.IsLower(first)))
            {
                // Never served, whatever the model says: the title of a work or a slogan, a capitalised word or two
                // (a name or a label). The rules reject them too (IsStatement); the model is not asked.
                continue;
            }
            else
            {
                var decision = Decide(context, spans, q, text, ruleOwner?.Name, mentions);
                observe?.Invoke(decision);
                var chosen = decision.Candidates[model is null ? decision.RuleChoice : model.Choose(decision.Candidates)];
                // A fragment of one or two words is served only with a source named in its own sentence ("Critics
                // called the “reform” a gift" has none): elsewhere it is a scare quote, as the rules hold.
                var fragment = text.Count(c => c == ' ') < 2;
                (name, organization) = fragment && !chosen.Features.Contains("S") ? (null, false) : (chosen.Name, chosen.Organization);
            }

            if (name is null)
            {
                continue;
            }

            // The speakers stay those the rules attribute statements to: a person the model picks only because the
            // quote's sentence names them carries the quote but is not added (adding them cost pages-dev names
            // F1 .935 → .905 and PolNeAR test precision .878 → .838: the names near a quote are often its subject).
            quotes.Add(new Quote(name, text) { Kind = organization ? Quote.OrganizationKind : Quote.PersonKind });
        }
    }

    private static int Distance(int at, int start, int end) => at < start ? start - at : at > end ? at - end : 0;

    /// <summary>The candidates of one quote with their features: no one, the paragraph's attributions, the last speaker, people the sentence names.</summary>
    private static QuoteDecision Decide(QuoteContext context, (int Start, int End)[] spans, int q, string text, string? ruleName, Dictionary<int, List<(int Index, string Name)>> mentions)
    {
        var paragraph = context.Paragraph;
        var (start, end) = spans[q];
        var sentence = (Start: SentenceAround(paragraph, start).Start, End: SentenceAround(paragraph, Math.Max(start, end - 1)).End);
        var found = new List<(int Index, string Name, bool Organization, string Type, string Via)>();
        foreach (var a in context.Attributed)
        {
            found.Add((a.Index, a.Name, a.Organization, "a", a.Via));
        }

        if (context.LastSpeaker is { } last && !found.Any(f => f.Name == last))
        {
            found.Add((-1, last, false, "l", "last"));
        }

        // Where the rules give the quote a source, the model only says whether to serve it, so nobody else is looked
        // for: overriding the rules' speaker gained little on dev and lost plain cases (the nearest "X said").
        if (ruleName is not null)
        {
            found.RemoveAll(f => f.Name != ruleName);
        }
        else if (!mentions.TryGetValue(sentence.Start, out var named))
        {
            named = Mentions(context, sentence.Start, sentence.End, spans);
            mentions[sentence.Start] = named;
        }

        foreach (var (index, name) in ruleName is null ? mentions[sentence.Start] : [])
        {
            if (!found.Any(f => f.Name == name))
            {
                found.Add((index, name, false, "m", "mention"));
            }
        }

        var statement = IsStatement(text, paragraph, start, context.Attributed.Select(a => a.Index));
        var quoteFeatures = QuoteFeatures(context, spans, q, text, statement, ruleName is not null);
        // The sentence outside its quotations: does it hold a cue verb, a "he" or "she" that may point to the last speaker?
        var outside = Outside(paragraph, sentence.Start, sentence.End, spans);
        quoteFeatures.Add(AttributionVerbs.MayContain(outside) ? "cue" : "ncue");
        quoteFeatures.Add(Pronoun().IsMatch(outside) ? "pron" : "npron");
        var candidates = new List<QuoteCandidate>(found.Count + 1) { new(null, false, [.. quoteFeatures.Select(f => "n:" + f)]) };
        var ranked = found.Where(f => f.Type == "a").OrderBy(f => Distance(f.Index, start, end)).ThenBy(f => f.Index).Select(f => f.Index).ToList();
        var ruleChoice = 0;
        foreach (var candidate in found)
        {
            var isRule = candidate.Name == ruleName;
            ruleChoice = isRule && ruleChoice == 0 ? candidates.Count : ruleChoice;
            var features = new List<string>
            {
                "T" + candidate.Type, "V" + candidate.Via, candidate.Organization ? "O" : "P", isRule ? "R" : "r",
                "W" + Math.Min(3, candidate.Name.Count(c => c == ' ') + 1),
                candidate.Type != "l" && candidate.Name == context.LastSpeaker ? "L" : "l",
                statement ? "st" : "ns", "w" + WordBucket(text),
                paragraph.Length > 0 && paragraph[0] is '“' or '"' ? "ps" : "np", q == 0 ? "F" : "f",
                "A" + Math.Min(3, context.Attributed.Count),
            };
            if (candidate.Index >= 0)
            {
                var after = candidate.Index >= end;
                var distance = Distance(candidate.Index, start, end);
                var (from, to) = after ? (end, candidate.Index) : (candidate.Index, start);
                features.Add("D" + (after ? "a" : "b") + DistanceBucket(distance));
                features.Add(candidate.Index >= sentence.Start && candidate.Index < sentence.End ? "S" : "s");
                features.Add("Q" + Math.Min(2, spans.Count(s => s.Start >= from && s.End <= to)));
                features.Add(found.Any(f => f.Index > from && f.Index < to && f.Name != candidate.Name) ? "C" : "c");
                if (candidate.Type == "a")
                {
                    features.Add("K" + Math.Min(2, ranked.IndexOf(candidate.Index)));
                }
                else
                {
                    features.AddRange(MentionFeatures(paragraph, candidate.Index, sentence.Start));
                }
            }

            features.AddRange(features.Select(f => candidate.Type + "|" + f).ToList());
            features.AddRange(quoteFeatures.Where(f => isRule).Select(f => "R|" + f));
            candidates.Add(new QuoteCandidate(candidate.Name, candidate.Organization, features));
        }

        return new QuoteDecision(text, candidates, ruleChoice);
    }

    /// <summary>People the sentence names outside quotation marks, each with the position of its first mention.</summary>
    private static List<(int Index, string Name)> Mentions(QuoteContext context, int start, int end, (int Start, int End)[] spans)
    {
        var mentions = new List<(int Index, string Name)>();
        var paragraph = context.Paragraph;
        for (var i = start; i < end; i++)
        {
            if (!char.IsUpper(paragraph[i]) || (i > 0 && char.IsLetter(paragraph[i - 1])) || InsideQuote(spans, i))
            {
                continue;
            }

            var match = NameAt().Match(paragraph, i);
            if (!match.Success)
            {
                continue;
            }

            // Resolving a name reads every full name of the article: each phrase is resolved once per article.
            if (!context.Resolved.TryGetValue(match.Value, out var resolved))
            {
                resolved = context.People.Resolve(match.Value);
                context.Resolved[match.Value] = resolved;
            }

            if (resolved is { } name && !mentions.Any(m => m.Name == name))
            {
                mentions.Add((i, name));
            }

            i += match.Length;
        }

        return mentions;
    }
}
