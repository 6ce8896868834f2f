using System.Globalization;
using System.Text.Json;

namespace Search.Api.Tests.Invariance;

/// <summary>
/// Where two JSON answers differ: the path of each difference. Numbers under a property named "score" may differ by
/// <see cref="ScoreTolerance"/> (float sums in another order); properties that describe the run, not the answer
/// (tookMs, cached), are skipped.
/// </summary>
public static class JsonDifference
{
    public const double ScoreTolerance = 1e-5;

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "tookMs", "cached" };

    /// <summary>The paths at which <paramref name="actual"/> differs from <paramref name="expected"/>, each with both values.</summary>
    public static List<string> Find(JsonElement expected, JsonElement actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: {Short(expected)} vs {Short(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).Union(actual.EnumerateObject().Select(p => p.Name)).Where(n => !Skipped.Contains(n));
                foreach (var name in names)
                {
                    var inExpected = expected.TryGetProperty(name, out var e);
                    var inActual = actual.TryGetProperty(name, out var a);
                    if (inExpected != inActual)
                    {
                        differences.Add($"{path}.{name}: {(inExpected ? Short(e) : "absent")} vs {(inActual ? Short(a) : "absent")}");
                    }
                    else
                    {
                        Compare(e, a, path + "." + name, differences);
                    }
                }

                break;
            case JsonValueKind.Array:
                var (left, right) = (expected.GetArrayLength(), actual.GetArrayLength());
                if (left != right)
                {
                    differences.Add($"{path}: {left} items vs {right}: {Short(expected)} vs {Short(actual)}");
                    return;
                }

                for (var i = 0; i < left; i++)
                {
                    Compare(expected[i], actual[i], $"{path}[{i}]", differences);
                }

                break;
            case JsonValueKind.String when path == "$.after":
                // A cursor holds the last hit's sort value (a score's float bits) and id: the id must be equal, the score within the tolerance.
                var (left2, right2) = (Cursor(expected.GetString()!), Cursor(actual.GetString()!));
                if (left2.Id != right2.Id || left2.Sort != right2.Sort || Math.Abs(left2.Value - right2.Value) > ScoreTolerance)
                {
                    differences.Add($"{path}: {left2} vs {right2}");
                }

                break;
            case JsonValueKind.Number when path.EndsWith(".score", StringComparison.Ordinal):
                if (Math.Abs(expected.GetDouble() - actual.GetDouble()) > ScoreTolerance)
                {
                    differences.Add($"{path}: {expected.GetDouble().ToString(CultureInfo.InvariantCulture)} vs {actual.GetDouble().ToString(CultureInfo.InvariantCulture)}");
                }

                break;
            default:
                if (expected.GetRawText() != actual.GetRawText())
                {
                    differences.Add($"{path}: {Short(expected)} vs {Short(actual)}");
                }

                break;
        }
    }

    /// <summary>A search cursor's sort, sort value (a relevance cursor's is the score's float bits) and id.</summary>
    private static (string? Sort, double Value, string? Id) Cursor(string cursor)
    {
        var json = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(cursor)).RootElement;
        var sort = json.TryGetProperty("S", out var s) ? s.GetString() : null;
        var value = json.TryGetProperty("V", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
        return (sort, sort == "Relevance" ? BitConverter.Int32BitsToSingle((int)value) : value, json.TryGetProperty("Id", out var id) ? id.GetString() : null);
    }

    private static string Short(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 160 ? text : text[..160] + "…";
    }
}
