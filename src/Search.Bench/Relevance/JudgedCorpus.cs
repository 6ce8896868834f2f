using System.Text.Json;
using Search.Core.Articles;

namespace Search.Bench.Relevance;

/// <summary>A classic test collection: documents, queries and binary relevance judgments (docs.jsonl, queries.jsonl, qrels.tsv).</summary>
public sealed record JudgedCorpus(
    string Name,
    IReadOnlyList<Article> Documents,
    IReadOnlyList<(string Id, string Text)> Queries,
    IReadOnlyDictionary<string, HashSet<string>> Relevant)
{
    public static JudgedCorpus Load(DirectoryInfo folder)
    {
        var documents = ReadJsonLines(Path.Combine(folder.FullName, "docs.jsonl"))
            .Select(d => new Article(d.GetProperty("id").GetString()!, null,
                d.TryGetProperty("title", out var title) ? title.GetString() : null,
                d.GetProperty("body").GetString() ?? "", null, [], [], [], null))
            .ToList();
        var queries = ReadJsonLines(Path.Combine(folder.FullName, "queries.jsonl"))
            .Select(q => (q.GetProperty("id").GetString()!, q.GetProperty("text").GetString()!))
            .ToList();
        var relevant = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(folder.FullName, "qrels.tsv")))
        {
            var parts = line.Split('\t');
            if (parts.Length >= 2)
            {
                if (!relevant.TryGetValue(parts[0], out var set))
                {
                    relevant[parts[0]] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(parts[1]);
            }
        }

        // Only judged queries are scored (a query with no relevant document has no defined nDCG or AP).
        return new JudgedCorpus(folder.Name, documents, queries.Where(q => relevant.ContainsKey(q.Item1)).ToList(), relevant);
    }

    private static IEnumerable<JsonElement> ReadJsonLines(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<JsonElement>(l));
}
