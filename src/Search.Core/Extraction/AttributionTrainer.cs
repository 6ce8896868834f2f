namespace Search.Core.Extraction;

/// <summary>
/// Learns <see cref="AttributionModel"/> weights with an averaged perceptron over <see cref="QuoteDecision"/>s
/// (Collins 2002): for each decision in turn, when the best-scoring candidate is not one of the right ones, the
/// features of the best-scoring right candidate gain 1 and those of the wrong pick lose 1; the model returned is
/// the average of the weights over every step, which generalises far better than the last weights. The order is
/// the caller's and nothing is random, so the same examples always give the same model.
/// </summary>
public static class AttributionTrainer
{
    /// <summary>Trains for <paramref name="epochs"/> passes over the examples, in the given order.</summary>
    public static AttributionModel Train(IReadOnlyList<AttributionExample> examples, int epochs)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        // Sum over steps of each update times its step number; averaged = weights - total / steps.
        var stamped = new Dictionary<string, double>(StringComparer.Ordinal);
        var step = 1;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var example in examples)
            {
                if (example.Right.Count == 0)
                {
                    continue;
                }

                var candidates = example.Decision.Candidates;
                var guess = Best(weights, candidates, Enumerable.Range(0, candidates.Count));
                if (!example.Right.Contains(guess))
                {
                    var right = Best(weights, candidates, example.Right.Order());
                    Update(weights, stamped, candidates[right].Features, +1, step);
                    Update(weights, stamped, candidates[guess].Features, -1, step);
                }

                step++;
            }
        }

        return new AttributionModel(weights.ToDictionary(w => w.Key, w => w.Value - (stamped[w.Key] / step), StringComparer.Ordinal));
    }

    /// <summary>The first of the highest-scoring candidates among <paramref name="indexes"/> (taken in ascending order).</summary>
    private static int Best(Dictionary<string, double> weights, IReadOnlyList<QuoteCandidate> candidates, IEnumerable<int> indexes)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        foreach (var i in indexes)
        {
            var score = 0.0;
            foreach (var feature in candidates[i].Features)
            {
                score += weights.GetValueOrDefault(feature);
            }

            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }

    private static void Update(Dictionary<string, double> weights, Dictionary<string, double> stamped, IReadOnlyList<string> features, int delta, int step)
    {
        foreach (var feature in features)
        {
            weights[feature] = weights.GetValueOrDefault(feature) + delta;
            stamped[feature] = stamped.GetValueOrDefault(feature) + (delta * step);
        }
    }
}
