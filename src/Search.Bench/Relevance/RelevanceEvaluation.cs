using System.Globalization;
using System.Text;
using Search.Core.Querying;

namespace Search.Bench.Relevance;

/// <summary>
/// `relevance`: runs each collection in the relevance folder through the product path, the SQLite FTS5
/// baseline and the ablation variants, and prints nDCG@10, MAP and recall@100 (mean over judged queries).
/// </summary>
public static class RelevanceEvaluation
{
    private const int Depth = 100;

    public static int Run(DirectoryInfo folder, DirectoryInfo output)
    {
        if (!folder.Exists)
        {
            Console.Error.WriteLine($"error: relevance folder '{folder.FullName}' does not exist.");
            return 2;
        }

        output.Create();
        var report = new StringBuilder();
        report.AppendLine("# Relevance").AppendLine();
        foreach (var collectionFolder in folder.GetDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var collection = JudgedCorpus.Load(collectionFolder);
            report.AppendLine(CultureInfo.InvariantCulture, $"## {collection.Name} ({collection.Documents.Count} documents, {collection.Queries.Count} judged queries)").AppendLine();
            report.AppendLine("| system | nDCG@10 | MAP | R@100 | nDCG@10 vs FTS5 |").AppendLine("|---|---:|---:|---:|---:|");
            var temp = Path.Combine(Path.GetTempPath(), "relevance-" + Guid.NewGuid().ToString("N"));
            var rankers = new List<IRanker> { new Fts5Ranker(temp + ".db"), new ProductRanker(temp), new ProductRanker(temp + "-prf", QueryExpansion.Prf) };
            rankers.AddRange(RankingVariant.Ablations.Select(v => (IRanker)new VariantRanker(v)));
            double? baseline = null;
            foreach (var ranker in rankers)
            {
                using (ranker)
                {
                    ranker.Build(collection.Documents);
                    var (ndcg, map, recall) = Score(ranker, collection);
                    baseline ??= ndcg;
                    // Rounded first, and + 0.0 turns a negative zero into zero ("+0.0%", not "-0.0%").
                    var delta = (baseline.Value == 0 ? 0 : Math.Round((ndcg / baseline.Value - 1) * 100, 1)) + 0.0;
                    report.AppendLine(CultureInfo.InvariantCulture, $"| {ranker.Name} | {ndcg:0.000} | {map:0.000} | {recall:0.000} | {delta:+0.0;-0.0}% |");
                }
            }

            report.AppendLine();
        }

        Console.WriteLine(report);
        File.WriteAllText(Path.Combine(output.FullName, "relevance.md"), report.ToString());
        return 0;
    }

    private static (double Ndcg, double Map, double Recall) Score(IRanker ranker, JudgedCorpus collection)
    {
        double ndcg = 0, map = 0, recall = 0;
        foreach (var (id, text) in collection.Queries)
        {
            var ranked = ranker.Rank(text, Depth);
            var relevant = collection.Relevant[id];
            ndcg += RankingMetrics.NdcgAt10(ranked, relevant);
            map += RankingMetrics.AveragePrecision(ranked, relevant);
            recall += RankingMetrics.RecallAt100(ranked, relevant);
        }

        var n = Math.Max(1, collection.Queries.Count);
        return (ndcg / n, map / n, recall / n);
    }
}
