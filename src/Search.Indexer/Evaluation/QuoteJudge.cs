using System.Text.Json;
using Search.Core.Articles;

namespace Search.Indexer.Evaluation;

/// <summary>
/// Judges served quotes against PolNeAR attribution spans, the acceptance measure of issue #24:
/// <list type="number">
/// <item>inside: each served quote found verbatim in the text lies within some gold attribution's content
/// (its whole extent); a quote outside every content is a title, a slogan or a scare quote served as speech;</item>
/// <item>speaker right: for a quote inside a content whose gold source is named (not a pronoun, not absent),
/// the served speaker's last word occurs as a word in that source (the innermost content that holds the quote decides);</item>
/// <item>found: each gold content span that holds a double quotation mark and has a named source is overlapped
/// by some served quote (spans counted once however many attributions share them).</item>
/// </list>
/// </summary>
public sealed class QuoteJudge
{
    private const string QuoteMarks = "\"“”";

    private readonly List<string> _misses = [];
    private int _served, _located, _inside, _named, _speakerRight, _goldQuotes, _goldFound, _organizations, _organizationsInGold;

    /// <summary>One gold attribution: content extent and source, as far as the judge needs them.</summary>
    public sealed record GoldSpan(int ContentStart, int ContentEnd, string? Source, bool SourceIsPronoun, string Content);

    /// <summary>Reads the gold spans of one PolNeAR article.</summary>
    public static List<GoldSpan> Read(JsonElement root) =>
    [
        .. root.GetProperty("attributions").EnumerateArray()
            .Where(a => a.TryGetProperty("content_start", out var s) && s.ValueKind == JsonValueKind.Number)
            .Select(a => new GoldSpan(
                a.GetProperty("content_start").GetInt32(),
                a.GetProperty("content_end").GetInt32(),
                a.GetProperty("source_text").ValueKind == JsonValueKind.String ? a.GetProperty("source_text").GetString() : null,
                a.GetProperty("source_is_pronoun").GetBoolean(),
                a.TryGetProperty("content_text", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "")),
    ];

    /// <summary>Scores one article's served quotes.</summary>
    public void Add(string id, string text, IReadOnlyList<GoldSpan> gold, IReadOnlyList<Quote> quotes)
    {
        var located = new List<(int Start, int End)>();
        foreach (var quote in quotes)
        {
            _served++;
            var at = text.IndexOf(quote.Text, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            _located++;
            var end = at + quote.Text.Length;
            located.Add((at, end));
            var holder = gold.Where(g => g.ContentStart <= at && end <= g.ContentEnd).MinBy(g => g.ContentEnd - g.ContentStart);
            if (holder is null)
            {
                _misses.Add($"  outside  {id}: {quote.Speaker}: “{Short(quote.Text)}”");
                continue;
            }

            _inside++;
            if (holder.Source is null || holder.SourceIsPronoun)
            {
                continue;
            }

            _named++;
            if (SourceHolds(holder.Source, quote.Speaker))
            {
                _speakerRight++;
            }
            else
            {
                _misses.Add($"  speaker  {id}: served {quote.Speaker}, gold source '{holder.Source}': “{Short(quote.Text)}”");
            }
        }

        foreach (var span in gold.Where(g => g.Source is not null && !g.SourceIsPronoun && g.Content.AsSpan().IndexOfAny(QuoteMarks) >= 0)
            .DistinctBy(g => (g.ContentStart, g.ContentEnd)))
        {
            _goldQuotes++;
            if (located.Any(q => q.Start < span.ContentEnd && span.ContentStart < q.End))
            {
                _goldFound++;
            }
            else
            {
                _misses.Add($"  missed   {id}: '{span.Source}': {Short(span.Content)}");
            }
        }
    }

    /// <summary>
    /// Served organisations (#24): one is right when its last word is a word of some named gold source of the
    /// article ("Kremlin" in "the Kremlin", "Post" in "The Washington Post"); PolNeAR marks no kind, so this is
    /// precision only.
    /// </summary>
    public void AddOrganizations(IReadOnlyList<string> organizations, IReadOnlyList<GoldSpan> gold)
    {
        foreach (var organization in organizations)
        {
            _organizations++;
            _organizationsInGold += gold.Any(g => g.Source is not null && !g.SourceIsPronoun && SourceHolds(g.Source, organization)) ? 1 : 0;
        }
    }

    /// <summary>The speaker's last word as a whole word of the gold source, ignoring case and punctuation.</summary>
    public static bool SourceHolds(string source, string speaker)
    {
        // A generational suffix is not the surname: "Joseph R. Biden Jr." is found by "biden".
        var words = ServedNames.Fold(speaker).Split(' ');
        var last = words.Length > 1 && words[^1] is "jr" or "sr" or "ii" or "iii" or "iv" ? words[^2] : words[^1];
        return last.Length > 0 && ServedNames.Fold(source.Replace("’s", "", StringComparison.Ordinal).Replace("'s", "", StringComparison.Ordinal))
            .Split(' ').Contains(last, StringComparer.Ordinal);
    }

    /// <summary>Served quotes inside a gold content, speaker right where the source is named, gold direct quotes found (0 when nothing to count).</summary>
    public (double Inside, double SpeakerRight, double Found) Rates =>
        (Rate(_inside, _located), Rate(_speakerRight, _named), Rate(_goldFound, _goldQuotes));

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    public IReadOnlyList<string> Table(bool showMisses) =>
    [
        $"{"served quotes",-28} {_served} ({_located} found verbatim in the text)",
        $"{"  inside a gold content",-28} {_inside}/{_located} = {Ratio(_inside, _located)}",
        $"{"  speaker right (named src)",-28} {_speakerRight}/{_named} = {Ratio(_speakerRight, _named)}",
        $"{"gold direct quotes found",-28} {_goldFound}/{_goldQuotes} = {Ratio(_goldFound, _goldQuotes)}",
        $"{"organisations (precision)",-28} {_organizationsInGold}/{_organizations} = {Ratio(_organizationsInGold, _organizations)} name a gold source",
        .. showMisses ? _misses : [],
    ];

    private static string Ratio(int part, int whole) => whole == 0 ? "-" : $"{(double)part / whole:0.000}";

    private static string Short(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
