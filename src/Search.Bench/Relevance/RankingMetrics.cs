namespace Search.Bench.Relevance;

/// <summary>nDCG@10 (binary gains), average precision (for MAP) and recall@100 of one ranked list.</summary>
public static class RankingMetrics
{
    public static double NdcgAt10(IReadOnlyList<string> ranked, HashSet<string> relevant)
    {
        double dcg = 0, ideal = 0;
        for (var i = 0; i < Math.Min(10, ranked.Count); i++)
        {
            dcg += relevant.Contains(ranked[i]) ? 1 / Math.Log2(i + 2) : 0;
        }

        for (var i = 0; i < Math.Min(10, relevant.Count); i++)
        {
            ideal += 1 / Math.Log2(i + 2);
        }

        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static double AveragePrecision(IReadOnlyList<string> ranked, HashSet<string> relevant)
    {
        double hits = 0, sum = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                hits++;
                sum += hits / (i + 1);
            }
        }

        return relevant.Count == 0 ? 0 : sum / relevant.Count;
    }

    public static double RecallAt100(IReadOnlyList<string> ranked, HashSet<string> relevant) =>
        relevant.Count == 0 ? 0 : ranked.Take(100).Count(relevant.Contains) / (double)relevant.Count;
}
