using System.Text.Json;
using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Indexer.Evaluation;

/// <summary>
/// Scores extraction against the hand labels of the seed pages (<c>seeds-extraction.json</c>). Each page is
/// parsed from its text alone, as the labels describe what the text says, not what metadata adds.
/// </summary>
public static class SeedGoldEvaluation
{
    public static IReadOnlyList<string> Run(string goldPath, string seedsFolder)
    {
        using var stream = File.OpenRead(goldPath);
        using var gold = JsonDocument.Parse(stream);
        var title = new FieldScore("title");
        var credit = new FieldScore("source_credit");
        var speakers = new FieldScore("speakers");
        var cited = new FieldScore("cited");
        var notBody = new FieldScore("not_body (lines removed)");
        var report = new List<string>();

        foreach (var item in gold.RootElement.GetProperty("articles").EnumerateArray())
        {
            var file = item.GetProperty("file").GetString()!;
            var path = Path.Combine(seedsFolder, file);
            if (!File.Exists(path))
            {
                report.Add($"  missing seed file {file}");
                continue;
            }

            var article = ArticleParser.Parse(new RawArticle { Id = file, Text = File.ReadAllText(path) });
            title.AddSingle(article.Title, item.GetProperty("title").GetString());
            credit.AddSingle(article.Credit, item.GetProperty("source_credit").GetString());
            speakers.AddSet(article.Speakers, Strings(item, "speakers"));
            cited.AddSet(article.Sources, Strings(item, "cited"));

            var bodyLines = article.Body.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
            foreach (var line in Strings(item, "not_body"))
            {
                // A not_body entry is a representative line (teasers are cut with "..."): it fails when any
                // body line contains it.
                var leaked = bodyLines.Any(b => b.Contains(line.Trim(), StringComparison.Ordinal));
                notBody.Add(leaked ? 0 : 1, 0, leaked ? 1 : 0);
                if (leaked)
                {
                    report.Add($"  {file}: boilerplate left in body: {line}");
                }
            }

            Explain(report, file, "title", article.Title, item.GetProperty("title").GetString());
            Explain(report, file, "source_credit", article.Credit, item.GetProperty("source_credit").GetString());
            Explain(report, file, "speakers", article.Speakers, Strings(item, "speakers"));
            Explain(report, file, "cited", article.Sources, Strings(item, "cited"));
        }

        return [.. new[] { title, credit, speakers, cited, notBody }.Select(s => s.ToString()), .. report];
    }

    private static IReadOnlyList<string> Strings(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
            : [];

    private static void Explain(List<string> report, string file, string field, string? predicted, string? gold)
    {
        if (!string.Equals(predicted, gold, StringComparison.Ordinal))
        {
            report.Add($"  {file}: {field} got '{predicted ?? "null"}', expected '{gold ?? "null"}'");
        }
    }

    private static void Explain(List<string> report, string file, string field, IReadOnlyList<string> predicted, IReadOnlyList<string> gold)
    {
        var missing = gold.Except(predicted, StringComparer.OrdinalIgnoreCase).ToList();
        var extra = predicted.Except(gold, StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            report.Add($"  {file}: {field} missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}]");
        }
    }
}
