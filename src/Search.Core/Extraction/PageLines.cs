namespace Search.Core.Extraction;

/// <summary>Splits page text into trimmed lines, keeping blank lines as paragraph breaks.</summary>
public static class PageLines
{
    public static IReadOnlyList<string> Split(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Split('\n')
            .Select(line => line.Trim().TrimStart('•', '·', '–', '-', '*').Trim())
            .ToList();

    /// <summary>A line that reads as running text: long enough and ending like a sentence.</summary>
    public static bool IsParagraph(string line) =>
        line.Length >= 80 || (line.Length >= 40 && EndsLikeSentence(line));

    public static bool EndsLikeSentence(string line) =>
        line.Length > 0 && ".!?\"”’:)…".Contains(line[^1], StringComparison.Ordinal);
}
