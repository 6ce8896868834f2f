namespace Search.Indexer.Evaluation;

/// <summary>True/false positives and false negatives for one field, with precision, recall and F1.</summary>
public sealed class FieldScore(string field, bool recallOnly = false)
{
    public string Field { get; } = field;

    /// <summary>Rows that count only what the gold holds (no false positives are defined) print no precision.</summary>
    public bool RecallOnly { get; } = recallOnly;

    public int TruePositives { get; private set; }

    public int FalsePositives { get; private set; }

    public int FalseNegatives { get; private set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(int truePositives, int falsePositives, int falseNegatives)
    {
        TruePositives += truePositives;
        FalsePositives += falsePositives;
        FalseNegatives += falseNegatives;
    }

    /// <summary>Scores a single-valued field: a wrong value is both a false positive and a false negative.</summary>
    public void AddSingle(string? predicted, string? gold)
    {
        if (predicted is not null && gold is not null && string.Equals(predicted, gold, StringComparison.Ordinal))
        {
            Add(1, 0, 0);
            return;
        }

        Add(0, predicted is null ? 0 : 1, gold is null ? 0 : 1);
    }

    /// <summary>Scores a set field with exact (case-insensitive) matching.</summary>
    public void AddSet(IEnumerable<string> predicted, IEnumerable<string> gold)
    {
        var p = predicted.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var g = gold.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hits = p.Count(g.Contains);
        Add(hits, p.Count - hits, g.Count - hits);
    }

    public override string ToString() => RecallOnly
        ? $"{Field,-28} P   -    R {Recall:0.000}  F1   -     (tp {TruePositives}, fn {FalseNegatives})"
        : $"{Field,-28} P {Precision:0.000}  R {Recall:0.000}  F1 {F1:0.000}   (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})";
}
