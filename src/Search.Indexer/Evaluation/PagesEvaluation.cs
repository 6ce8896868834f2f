using System.Text.Json;
using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Indexer.Evaluation;

/// <summary>
/// Scores extraction on a labelled folder of raw pages in the pages-dev format (<c>NNN.txt</c> plus
/// <c>labels.json</c>, see /work/shared/data/pages-dev/README.md). Each page goes through the production
/// path: the text files and a <c>metadata.json</c> holding only each page's address (the labels' <c>url</c>
/// and <c>site</c>) are read by <see cref="ArticleFolderReader"/>, exactly as <c>index</c> reads a folder, so
/// no other label reaches the extractor.
/// <list type="bullet">
/// <item>outlet: right when it equals the label's outlet or one of its aliases, ignoring case;</item>
/// <item>date: a page "gives" a date when its basis names the page text, the URL or a dateline; a date known
/// only from the corpus marker is not expected (finding it is counted apart, a different one is wrong);</item>
/// <item>title: equal after collapsing whitespace; a title on a page labelled without one is an invented title;</item>
/// <item>speakers: as served (after the batch's name step, <see cref="ServedNames"/>), equal to a label after folding case and
/// punctuation only; an ambiguous speaker found
/// is neither a hit nor a false positive, and one missed is not a miss;</item>
/// <item>boilerplate: each labelled furniture line that survives as a body line is a leak.</item>
/// </list>
/// </summary>
public static class PagesEvaluation
{
    private const string OutsideMarkerBasis = "corpus date prefix";

    public static IReadOnlyList<string> Run(string folder, bool showErrors)
    {
        var labels = ReadLabels(Path.Combine(folder, "labels.json"));
        var articles = ParseThroughFolderReader(folder, labels);
        var score = new PagesScore();
        var bylines = new BylineScore();
        var report = new List<string>();

        foreach (var label in labels)
        {
            if (!articles.TryGetValue(Path.GetFileNameWithoutExtension(label.File), out var article))
            {
                report.Add($"  {label.File}: missing or unreadable");
                continue;
            }

            score.Add(label, article, report);
            bylines.Add(label, article, report);
        }

        return [.. score.Table(labels.Count), bylines.Line(), .. showErrors ? report : []];
    }

    /// <summary>Copies the pages to a temporary folder beside a metadata.json of their addresses and reads it as production does.</summary>
    private static Dictionary<string, Article> ParseThroughFolderReader(string folder, IReadOnlyList<PageLabel> labels)
    {
        var temp = Directory.CreateTempSubdirectory("pages-eval-");
        try
        {
            foreach (var label in labels.Where(l => File.Exists(Path.Combine(folder, l.File))))
            {
                File.Copy(Path.Combine(folder, label.File), Path.Combine(temp.FullName, label.File));
            }

            var metadata = new { articles = labels.Select(l => new { file = l.File, url = l.Url, site = l.Site }) };
            File.WriteAllText(Path.Combine(temp.FullName, ArticleFolderReader.MetadataFileName), JsonSerializer.Serialize(metadata));
            var parsed = ArticleFolderReader.Read(temp.FullName)
                .Where(f => f.Article is not null)
                .Select(f => ArticleParser.Parse(f.Article!))
                .ToList();
            return ServedNames.Serve(parsed).ToDictionary(a => a.Id, StringComparer.Ordinal);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static List<PageLabel> ReadLabels(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return [.. document.RootElement.EnumerateArray().Select(PageLabel.From)];
    }

    /// <summary>One page's labels, as far as the scorer needs them.</summary>
    internal sealed record PageLabel(
        string File,
        string? Url,
        string? Site,
        string Outlet,
        IReadOnlyList<string> OutletAliases,
        DateOnly? Published,
        string? PublishedBasis,
        string? Title,
        string? SourceCredit,
        IReadOnlyList<string> Speakers,
        IReadOnlyList<string> SpeakersAmbiguous,
        IReadOnlyList<string> Boilerplate)
    {
        /// <summary>True when the page itself (text, URL or dateline) gives the date, not only the corpus marker.</summary>
        public bool PageGivesDate => Published is not null && PublishedBasis is not null
            && PublishedBasis.Split(';', StringSplitOptions.TrimEntries).Any(b => b.Length > 0 && b != OutsideMarkerBasis);

        public static PageLabel From(JsonElement item) => new(
            File: item.GetProperty("file").GetString()!,
            Url: String(item, "url"),
            Site: String(item, "site"),
            Outlet: item.GetProperty("outlet").GetString()!,
            OutletAliases: Strings(item, "outlet_aliases"),
            Published: String(item, "published") is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            PublishedBasis: String(item, "published_basis"),
            Title: String(item, "title"),
            SourceCredit: String(item, "source_credit"),
            Speakers: Strings(item, "speakers"),
            SpeakersAmbiguous: Strings(item, "speakers_ambiguous"),
            Boilerplate: Strings(item, "boilerplate"));

        private static string? String(JsonElement item, string property) =>
            item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static IReadOnlyList<string> Strings(JsonElement item, string property) =>
            item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
                ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
                : [];
    }
}
