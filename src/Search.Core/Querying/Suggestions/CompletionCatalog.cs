using System.Globalization;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Extraction;
using Search.Core.Indexing;

namespace Search.Core.Querying.Suggestions;

/// <summary>
/// Autocomplete over titles, speakers and outlets: entries whose text starts with the prefix, or has a word
/// that does, case- and accent-insensitively. The entries of a reader are gathered once, when a refresh opens
/// it (<see cref="Search.Core.Indexing.Readers.ReaderContext.Completions"/>), so a keystroke costs a scan of
/// strings in memory, not a search. Titles are read once per segment (segments never change, so a refresh
/// only reads the new ones); speaker and outlet counts come from their sorted-set doc values and follow deletions.
/// Thread-safe; one instance serves every request.
/// </summary>
public sealed class CompletionCatalog(ArticleIndex index)
{
    public const string TitleKind = "title";
    public const string SpeakerKind = "speaker";
    public const string OutletKind = "outlet";

    private static readonly ISet<string> TitleOnly = new HashSet<string> { ArticleFields.Title };

    /// <summary>
    /// Up to <paramref name="size"/> entries for <paramref name="prefix"/>: entries that start with it
    /// first, then by article count, then shorter text.
    /// </summary>
    public IReadOnlyList<Completion> Complete(string prefix, int size)
    {
        var folded = Fold(prefix.Trim());
        if (folded.Length == 0 || size < 1)
        {
            return [];
        }

        using var lease = index.AcquireSearcher();
        var entries = lease.Context.Completions;
        return entries
            .Select(entry => (entry, at: WordStartIndex(entry.Folded, folded)))
            .Where(e => e.at >= 0)
            .OrderBy(e => e.at == 0 ? 0 : 1)
            .ThenByDescending(e => e.entry.Completion.Count)
            .ThenBy(e => e.entry.Completion.Text.Length)
            .ThenBy(e => e.entry.Completion.Text, StringComparer.Ordinal)
            .Take(size)
            .Select(e => e.entry.Completion)
            .ToList();
    }

    /// <summary>The entries of <paramref name="reader"/>, given each leaf's titles (<see cref="ReadTitles"/>) in leaf order.</summary>
    public static CompletionEntry[] BuildEntries(IndexReader reader, IReadOnlyList<string?[]> titlesByLeaf)
    {
        var titles = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var segmentTitles = titlesByLeaf[leaf.Ord];
            var live = leaf.AtomicReader.LiveDocs;
            for (var doc = 0; doc < segmentTitles.Length; doc++)
            {
                if (segmentTitles[doc] is { } title && (live is null || live.Get(doc)))
                {
                    titles[title] = titles.GetValueOrDefault(title) + 1;
                }
            }
        }

        return
        [
            .. titles.Select(t => new CompletionEntry(new Completion(t.Key, TitleKind, t.Value), Fold(t.Key))),
            .. CountValues(reader, ArticleFields.SpeakerKey).Select(v => new CompletionEntry(new Completion(v.Key, SpeakerKind, v.Value), Fold(v.Key))),
            .. CountValues(reader, ArticleFields.OutletKey).Select(v => new CompletionEntry(new Completion(v.Key, OutletKind, v.Value), Fold(v.Key))),
        ];
    }

    /// <summary>
    /// Each segment's titles by document, deleted ones included (deletions are applied per reader): from
    /// doc values, or from stored fields in segments written before they existed (slow: every stored
    /// body in the segment is decompressed to reach its title).
    /// </summary>
    public static string?[] ReadTitles(AtomicReader reader)
    {
        var titles = new string?[reader.MaxDoc];
        var values = reader.GetBinaryDocValues(ArticleFields.TitleValue);
        var present = reader.GetDocsWithField(ArticleFields.TitleValue);
        var bytes = new BytesRef();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (values is not null)
            {
                values.Get(doc, bytes);
                titles[doc] = present is not null && present.Get(doc) ? bytes.Utf8ToString() : null;
            }
            else
            {
                titles[doc] = reader.Document(doc, TitleOnly).Get(ArticleFields.Title, CultureInfo.InvariantCulture);
            }
        }

        return titles;
    }

    /// <summary>Live documents per value of a sorted-set doc-values field.</summary>
    private static Dictionary<string, int> CountValues(IndexReader reader, string field)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var bytes = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetSortedSetDocValues(field);
            if (values is null)
            {
                continue;
            }

            var perOrd = new int[values.ValueCount];
            var live = leaf.AtomicReader.LiveDocs;
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                values.SetDocument(doc);
                for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
                {
                    perOrd[ord]++;
                }
            }

            for (var ord = 0; ord < perOrd.Length; ord++)
            {
                if (perOrd[ord] > 0)
                {
                    values.LookupOrd(ord, bytes);
                    var value = bytes.Utf8ToString();
                    counts[value] = counts.GetValueOrDefault(value) + perOrd[ord];
                }
            }
        }

        return counts;
    }

    /// <summary>Where <paramref name="prefix"/> starts a word of <paramref name="text"/>, or -1.</summary>
    private static int WordStartIndex(string text, string prefix)
    {
        for (var at = text.IndexOf(prefix, StringComparison.Ordinal); at >= 0; at = text.IndexOf(prefix, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>Lowercase without accents, so "kyiv" finds "Kyïv" and "liu" finds "Liu".</summary>
    public static string Fold(string text)
    {
        // Normalize throws on lone surrogates and U+FFFE/U+FFFF, which a prefix or an old index may hold.
        var decomposed = UnicodeText.Clean(text).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }
}
