using System.Globalization;
using System.Text;

namespace Search.Core.Extraction;

/// <summary>
/// A linear scorer over the binary features of <see cref="QuoteCandidate"/>s (#24, "recall beyond rules"): the
/// candidate with the highest sum of weights wins, "no one" (index 0) on a tie. The weights are learned from the
/// PolNeAR train split by <c>Search.Indexer train-attribution</c> (<see cref="AttributionTrainer"/>) and shipped
/// as the embedded resource <c>attribution-model.tsv</c>, so extraction uses them with no configuration. The file
/// is text, one "feature TAB weight" line per feature in ordinal order, so it diffs and rebuilds byte for byte.
/// The model is immutable once read.
/// </summary>
public sealed class AttributionModel
{
    private const string ResourceName = "Search.Core.Articles.attribution-model.tsv";
    private const string NoneBiasKey = "#none-bias";

    private static readonly Lazy<AttributionModel> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, double> _weights;

    /// <summary>Builds a model from weights; <paramref name="noneBias"/> is added to "no one" (tuned on dev).</summary>
    public AttributionModel(IReadOnlyDictionary<string, double> weights, double noneBias = 0)
    {
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
        NoneBias = noneBias;
    }

    /// <summary>The model shipped with the library (the embedded resource).</summary>
    public static AttributionModel Default => Embedded.Value;

    /// <summary>Added to the score of "no one": above 0 serves fewer quotes, below 0 more.</summary>
    public double NoneBias { get; }

    /// <summary>How many features carry a weight.</summary>
    public int FeatureCount => _weights.Count;

    /// <summary>The sum of the weights of the candidate's features (plus <see cref="NoneBias"/> for "no one").</summary>
    public double Score(QuoteCandidate candidate)
    {
        var score = candidate.Name is null ? NoneBias : 0;
        foreach (var feature in candidate.Features)
        {
            score += _weights.GetValueOrDefault(feature);
        }

        return score;
    }

    /// <summary>The index of the best candidate: the first of the highest scores, so "no one" wins ties.</summary>
    public int Choose(IReadOnlyList<QuoteCandidate> candidates)
    {
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < candidates.Count; i++)
        {
            var score = Score(candidates[i]);
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }

    /// <summary>The same weights with another bias for "no one".</summary>
    public AttributionModel WithNoneBias(double noneBias) => new(_weights, noneBias);

    /// <summary>Writes the model as sorted "feature TAB weight" lines (the bias first), invariant culture, LF endings.</summary>
    public void Save(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var text = new StringBuilder();
        text.Append(NoneBiasKey).Append('\t').Append(Format(NoneBias)).Append('\n');
        foreach (var (feature, weight) in _weights.Where(w => w.Value != 0).OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            text.Append(feature).Append('\t').Append(Format(weight)).Append('\n');
        }

        writer.Write(text.ToString());
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static AttributionModel Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var noneBias = 0.0;
        while (reader.ReadLine() is { } line)
        {
            var tab = line.LastIndexOf('\t');
            if (tab <= 0)
            {
                continue;
            }

            var weight = double.Parse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture);
            if (line[..tab] == NoneBiasKey)
            {
                noneBias = weight;
            }
            else
            {
                weights[line[..tab]] = weight;
            }
        }

        return new AttributionModel(weights, noneBias);
    }

    // Six significant digits: far finer than the decisions need, and short, stable text.
    private static string Format(double weight) => Math.Round(weight, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private static AttributionModel LoadEmbedded()
    {
        using var stream = typeof(AttributionModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from Search.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Load(reader);
    }
}
