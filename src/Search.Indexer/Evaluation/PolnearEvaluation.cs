using System.IO.Compression;
using System.Text.Json;
using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Indexer.Evaluation;

/// <summary>
/// Scores speaker extraction against PolNeAR attribution gold (see /work/shared/data/README.md).
/// Per article, the gold people are the attribution sources that name a person (<see cref="GoldPersonJudge"/>);
/// a pronoun source (he/she/him/her…) counts as the nearest preceding gold source that names a person, and
/// other pronouns (I, we, they, it, you) are not scored. Gold surnames are widened to the fullest form the
/// gold or the text gives ("Pence" → "Mike Pence"), and gold forms of one person are merged into the longest.
/// The articles are scored as served (<see cref="ServedNames.Serve"/>), and a served speaker matches a gold person
/// only when the names are equal after folding case and punctuation (<see cref="ServedNames.Same"/>): a role word
/// glued to the front or a bare surname is a miss, as it is a different facet value. Each gold person is matched once.
/// The quotes are also judged against the gold spans (<see cref="QuoteJudge"/>). A second row names each gold person
/// once for the whole split, from the gold names alone, as the served facet names one person once (a gold "Obama" in an
/// article that writes only "Mr. Obama" is the split's "Barack Obama"); the first row keeps each article's own gold form.
/// Direct vs reported: a gold person counts as directly quoted when one of their contents starts with a
/// quote mark, as reported otherwise (a person can be both); the rows show recall of each group.
/// Quote pairing: for each extracted quote that overlaps a gold direct content, whether its speaker matches
/// that content's gold person.
/// </summary>
public static class PolnearEvaluation
{
    private static readonly HashSet<string> SingularPronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "him", "her", "his", "hers", "himself", "herself",
    };

    public static IReadOnlyList<string> Run(string path, int showErrors, TextWriter? explain = null)
    {
        var all = new FieldScore("named speakers (exact)");
        var corpusLevel = new FieldScore("  gold named at corpus level");
        var direct = new FieldScore("  directly quoted", recallOnly: true);
        var reported = new FieldScore("  reported speech", recallOnly: true);
        var judge = new QuoteJudge();
        int pairsTotal = 0, pairsRight = 0, articles = 0;
        var errors = new List<string>();

        // Parsed first, then served as one bulk load would store them (the batch's name step included).
        var items = new List<(string Id, string Text, List<GoldPerson> Gold, List<QuoteJudge.GoldSpan> Spans)>();
        var parsed = new List<Article>();
        foreach (var line in ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var text = root.GetProperty("text").GetString()!;
            var id = root.GetProperty("id").GetString()!;
            items.Add((id, text, GoldPeople(root, text), QuoteJudge.Read(root)));
            parsed.Add(ArticleParser.Parse(new RawArticle { Id = id, Text = text }));
        }

        var served = ServedNames.Serve(parsed);

        // The same person under the forms one article's gold gives ("Obama" where the article only writes
        // "Mr. Obama", "Donald J. Trump") named once for the whole split, from the gold names alone.
        var goldForms = new SpeakerNameResolver();
        foreach (var item in items)
        {
            goldForms.Observe(item.Gold.Select(g => g.Name).Distinct(StringComparer.OrdinalIgnoreCase));
        }

        for (var n = 0; n < items.Count; n++)
        {
            var (id, text, gold, spans) = items[n];
            var article = served[n];
            articles++;
            judge.Add(id, text, spans, article.Quotes);
            judge.AddOrganizations(article.Organizations, spans);

            var goldNames = gold.Select(g => g.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var matched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var falsePositives = new List<string>();
            foreach (var speaker in article.Speakers)
            {
                var hit = goldNames.FirstOrDefault(g => !matched.Contains(g) && ServedNames.Same(speaker, g));
                if (hit is null)
                {
                    falsePositives.Add(speaker);
                }
                else
                {
                    matched.Add(hit);
                }
            }

            var missed = goldNames.Where(g => !matched.Contains(g)).ToList();
            if (explain is not null)
            {
                ExplainMisses(explain, id, text, gold, missed, falsePositives, article.Speakers);
            }

            all.Add(matched.Count, falsePositives.Count, missed.Count);
            var corpusGold = goldNames.Select(goldForms.Resolve).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var corpusHits = corpusGold.Count(g => article.Speakers.Any(speaker => ServedNames.Same(speaker, g)));
            corpusLevel.Add(corpusHits, article.Speakers.Count(speaker => !corpusGold.Any(g => ServedNames.Same(speaker, g))), corpusGold.Count - corpusHits);
            foreach (var (kindScore, isDirect) in new[] { (direct, true), (reported, false) })
            {
                var group = gold.Where(g => g.Direct == isDirect).Select(g => g.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var found = group.Count(matched.Contains);
                kindScore.Add(found, 0, group.Count - found);
            }

            foreach (var quote in article.Quotes)
            {
                var at = text.IndexOf(quote.Text, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                var span = gold.FirstOrDefault(g => g.Direct && g.ContentStart <= at + quote.Text.Length && at < g.ContentEnd);
                if (span is null)
                {
                    continue;
                }

                pairsTotal++;
                pairsRight += ServedNames.Same(quote.Speaker, span.Name) ? 1 : 0;
            }

            if (errors.Count < showErrors && (falsePositives.Count > 0 || missed.Count > 0))
            {
                errors.Add($"  {id}: extra [{string.Join(", ", falsePositives)}] missed [{string.Join(", ", missed)}]");
            }
        }

        var pairing = pairsTotal == 0 ? 0 : (double)pairsRight / pairsTotal;
        return
        [
            $"{articles} articles",
            all.ToString(),
            corpusLevel.ToString(),
            direct.ToString(),
            reported.ToString(),
            $"{"quote-speaker pairing",-28} {pairsRight}/{pairsTotal} = {pairing:0.000}",
            .. judge.Table(showErrors > 0),
            .. errors,
        ];
    }

    /// <summary>One JSON line per missed gold person (with each of its gold attributions in context) and per false positive.</summary>
    private static void ExplainMisses(TextWriter explain, string id, string text, List<GoldPerson> gold, List<string> missed, List<string> falsePositives, IReadOnlyList<string> predicted)
    {
        string Context(int at) => text.Substring(Math.Max(0, at - 150), Math.Min(400, text.Length - Math.Max(0, at - 150)));
        foreach (var name in missed)
        {
            var attributions = gold.Where(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
                .Select(g => new { source = g.Source, cue = g.Cue, pronoun = g.Pronoun, direct = g.Direct, ctx = Context(g.CueStart < 0 ? g.SourceStart : Math.Min(g.SourceStart, g.CueStart)) })
                .ToList();
            explain.WriteLine(JsonSerializer.Serialize(new { kind = "miss", id, name, predicted, atts = attributions }));
        }

        foreach (var name in falsePositives)
        {
            var at = text.IndexOf(name.Split(' ')[^1], StringComparison.Ordinal);
            explain.WriteLine(JsonSerializer.Serialize(new { kind = "fp", id, name, gold = gold.Select(g => g.Name).Distinct(), ctx = at < 0 ? "" : Context(at) }));
        }
    }

    private sealed record GoldPerson(string Name, bool Direct, int ContentStart, int ContentEnd, string Source = "", string Cue = "", bool Pronoun = false, int SourceStart = 0, int CueStart = 0);

    private static List<GoldPerson> GoldPeople(JsonElement root, string text)
    {
        var raw = new List<(int Start, string? Name, bool Direct, int ContentStart, int ContentEnd, string Source, string Cue, bool Pronoun, int CueStart)>();
        var attributions = root.GetProperty("attributions").EnumerateArray()
            .Where(a => a.GetProperty("source_text").ValueKind == JsonValueKind.String)
            .OrderBy(a => a.GetProperty("source_start").GetInt32());
        string? lastPerson = null;
        foreach (var a in attributions)
        {
            var source = a.GetProperty("source_text").GetString()!;
            var content = a.TryGetProperty("content_text", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
            var contentStart = a.TryGetProperty("content_start", out var cs) && cs.ValueKind == JsonValueKind.Number ? cs.GetInt32() : -1;
            var contentEnd = a.TryGetProperty("content_end", out var ce) && ce.ValueKind == JsonValueKind.Number ? ce.GetInt32() : -1;
            string? name;
            if (a.GetProperty("source_is_pronoun").GetBoolean())
            {
                name = SingularPronouns.Contains(source.Trim().Trim('.', ',')) ? lastPerson : null;
            }
            else
            {
                name = GoldPersonJudge.PersonName(source, text);
                lastPerson = name ?? lastPerson;
            }

            if (name is not null)
            {
                var isDirect = content.TrimStart().Length > 0 && "\"“‘'«".Contains(content.TrimStart()[0], StringComparison.Ordinal);
                var cue = a.TryGetProperty("cue_text", out var ct) && ct.ValueKind == JsonValueKind.String ? ct.GetString()! : "";
                var cueStart = a.TryGetProperty("cue_start", out var cst) && cst.ValueKind == JsonValueKind.Number ? cst.GetInt32() : -1;
                raw.Add((a.GetProperty("source_start").GetInt32(), name, isDirect, contentStart, contentEnd, source, cue, a.GetProperty("source_is_pronoun").GetBoolean(), cueStart));
            }
        }

        var names = raw.Select(r => r.Name!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var widened = names.ToDictionary(n => n, n => Widen(n, names, text), StringComparer.OrdinalIgnoreCase);
        // One person under two gold forms ("Ildefonso Guajardo Villarreal", later "Guajardo Villarreal") is one
        // person to find: each form becomes the longest gold form of the same person.
        var longest = widened.Values.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        string Fullest(string name) => longest.Where(n => SamePerson(n, name)).MaxBy(n => n.Length) ?? name;
        return [.. raw.Select(r => new GoldPerson(Fullest(widened[r.Name!]), r.Direct, r.ContentStart, r.ContentEnd, r.Source, r.Cue, r.Pronoun, r.Start, r.CueStart))];
    }

    /// <summary>The fullest form of a single-token gold name, from the other gold names or the text.</summary>
    private static string Widen(string name, List<string> names, string text)
    {
        if (name.Contains(' ', StringComparison.Ordinal))
        {
            return name;
        }

        var longer = names.FirstOrDefault(n => n.EndsWith(" " + name, StringComparison.OrdinalIgnoreCase));
        if (longer is not null)
        {
            return longer;
        }

        var inText = System.Text.RegularExpressions.Regex.Matches(text, @"\b\p{Lu}[\p{Ll}’'.-]+ (?:\p{Lu}\. )?" + System.Text.RegularExpressions.Regex.Escape(name) + @"\b")
            .Select(m => m.Value)
            .Where(v => GoldPersonJudge.PersonName(v, text) == v)
            .GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
        return inText ?? name;
    }

    /// <summary>
    /// Two gold forms of one person: equal ignoring case, one a final part of the other, or the same first and
    /// last tokens. Used only to merge the gold's own forms, never to score what is served.
    /// </summary>
    private static bool SamePerson(string predicted, string gold)
    {
        predicted = Comparable(predicted);
        gold = Comparable(gold);
        if (string.Equals(predicted, gold, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var p = predicted.Split(' ');
        var g = gold.Split(' ');
        var shorter = p.Length <= g.Length ? p : g;
        var longer = p.Length <= g.Length ? g : p;
        var isSuffix = shorter.SequenceEqual(longer.Skip(longer.Length - shorter.Length), StringComparer.OrdinalIgnoreCase);
        return string.Equals(p[^1], g[^1], StringComparison.OrdinalIgnoreCase)
            && (isSuffix || string.Equals(p[0], g[0], StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The name as compared: curly apostrophes and no-break spaces made plain, and a generational suffix dropped
    /// ("Joseph R. Biden Jr." and "Joseph R. Biden Jr" and "Joseph R. Biden" are one person).
    /// </summary>
    private static string Comparable(string name)
    {
        var tokens = name.Replace('’', '\'').Replace('\u00a0', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count > 2 && tokens[^1].TrimEnd('.') is "Jr" or "Sr" or "II" or "III" or "IV")
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return tokens.Count == 0 ? name : string.Join(' ', tokens);
    }

    internal static IEnumerable<string> ReadLines(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }
}
