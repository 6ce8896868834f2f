using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Querying.Highlighting;

/// <summary>
/// Marks what a query matched in a stored field. Matches come from the index itself: the query's span
/// form is run against the hit document, giving exact match positions, and the offsets the index keeps
/// for those positions (or, in segments indexed without offsets, the text analysed again) turn them into
/// character ranges. So a phrase is marked as one phrase and its words are not marked where they stand
/// outside a match. All other text is HTML-escaped.
/// </summary>
public sealed class SnippetHighlighter(Analyzer analyzer)
{
    /// <summary>Target snippet length in characters.</summary>
    public const int SnippetLength = 240;

    /// <summary>The query's span form on <paramref name="field"/>, rewritten once for every hit of a page.</summary>
    public static HighlightQuery Prepare(IndexSearcher searcher, Query query, string field) =>
        HighlightQuery.Create(searcher, query, field);

    /// <summary>Character ranges of <paramref name="text"/> (stored in <paramref name="field"/> of the doc) that the query matched.</summary>
    public IReadOnlyList<MatchRange> FindMatches(IndexSearcher searcher, Query query, int docId, string field, string text) =>
        text.Length == 0 ? [] : FindMatches(searcher, Prepare(searcher, query, field), docId, text);

    /// <summary>Character ranges of <paramref name="text"/> (the prepared field of the doc) that the query matched.</summary>
    public IReadOnlyList<MatchRange> FindMatches(IndexSearcher searcher, HighlightQuery query, int docId, string text) =>
        FindMatches(searcher, query, [docId], [text])[0];

    /// <summary>
    /// Character ranges each document of a page matched: <paramref name="texts"/>[i] is the prepared field of
    /// <paramref name="docIds"/>[i] (top-level doc ids, any order). The page is walked per segment in doc order,
    /// so each segment opens its enumerations once for all its hits.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<MatchRange>> FindMatches(IndexSearcher searcher, HighlightQuery query, IReadOnlyList<int> docIds,
        IReadOnlyList<string> texts)
    {
        var matches = new IReadOnlyList<MatchRange>[docIds.Count];
        Array.Fill(matches, []);
        if (query.IsEmpty)
        {
            return matches;
        }

        var leaves = searcher.IndexReader.Leaves;
        LeafMatchCursor? cursor = null;
        foreach (var i in Enumerable.Range(0, docIds.Count).OrderBy(i => docIds[i]))
        {
            if (texts[i].Length == 0)
            {
                continue;
            }

            var leaf = leaves[ReaderUtil.SubIndex(docIds[i], leaves)];
            if (cursor?.Leaf != leaf)
            {
                cursor = new LeafMatchCursor(leaf, query);
            }

            var localDoc = docIds[i] - leaf.DocBase;
            var positions = cursor.Positions(localDoc);
            if (positions.Count > 0)
            {
                matches[i] = cursor.HasOffsets
                    ? cursor.Offsets(localDoc, positions)
                    : MatchOffsets.FromText(analyzer, query.Field, texts[i], positions);
            }
        }

        return matches;
    }

    /// <summary>
    /// The best passage of <paramref name="text"/>: escaped, matches in &lt;mark&gt;, "…" where cut. The matches
    /// should be sorted by start and not overlap, as <see cref="FindMatches(IndexSearcher, HighlightQuery, int, string)"/> returns them; others still give
    /// well-formed HTML.
    /// </summary>
    public static string BestPassage(string text, IReadOnlyList<MatchRange> matches, int length = SnippetLength)
    {
        if (text.Length <= length)
        {
            return Mark(text, 0, text.Length, matches);
        }

        var start = matches.Count > 0 ? BestWindowStart(matches, length) : 0;
        start = SnapStart(text, start);
        var end = SnapEnd(text, start, Math.Min(text.Length, start + length));
        var passage = Mark(text, start, end, matches);
        return (start > 0 ? "…" : "") + passage + (end < text.Length ? "…" : "");
    }

    /// <summary>
    /// Where the window that holds the most matches starts (a little before its first one). Matches are
    /// sorted and disjoint, so both the first match inside a window and the last one that fits move forward
    /// as the window does: one pass with two cursors, linear in the number of matches.
    /// </summary>
    private static int BestWindowStart(IReadOnlyList<MatchRange> matches, int length)
    {
        var best = -1;
        var bestStart = 0;
        var first = 0;
        var last = 0;
        foreach (var candidate in matches)
        {
            var windowStart = Math.Max(0, candidate.Start - (length / 4));
            while (first < matches.Count && matches[first].Start < windowStart)
            {
                first++;
            }

            last = Math.Max(last, first);
            while (last < matches.Count && matches[last].End <= windowStart + length)
            {
                last++;
            }

            if (last - first > best)
            {
                best = last - first;
                bestStart = windowStart;
            }
        }

        return bestStart;
    }

    /// <summary>The whole text, escaped, with every match marked (the article view).</summary>
    public static string MarkAll(string text, IReadOnlyList<MatchRange> matches) => Mark(text, 0, text.Length, matches);

    private static string Mark(string text, int start, int end, IReadOnlyList<MatchRange> matches)
    {
        var html = new StringBuilder(end - start + 32);
        var cursor = start;
        foreach (var match in matches)
        {
            if (match.End <= start || match.Start >= end)
            {
                continue;
            }

            // Never step back over text already written: an overlapping or unsorted match is marked from the cursor.
            var markStart = Math.Max(match.Start, cursor);
            var markEnd = Math.Min(match.End, end);
            if (markEnd <= markStart)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[cursor..markStart]));
            html.Append("<mark>").Append(WebUtility.HtmlEncode(text[markStart..markEnd])).Append("</mark>");
            cursor = markEnd;
        }

        html.Append(WebUtility.HtmlEncode(text[cursor..end]));
        return html.ToString();
    }

    /// <summary>
    /// Moves a cut forward to the start of a word (or of a sentence, when one begins close by), by at most
    /// <see cref="MaxSnap"/> characters: text without spaces (CJK, Thai, a long URL) is cut where it is, but
    /// never inside a surrogate pair.
    /// </summary>
    private static int SnapStart(string text, int start)
    {
        if (start == 0)
        {
            return 0;
        }

        var sentence = text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Min(start + 20, text.Length - 1));
        if (sentence >= 0 && start - sentence < 60)
        {
            var next = sentence + 1;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            return next;
        }

        var limit = Math.Min(text.Length, start + MaxSnap);
        for (var at = start; at < limit; at++)
        {
            if (char.IsWhiteSpace(text[at - 1]))
            {
                return at;
            }
        }

        return char.IsLowSurrogate(text[start]) ? start + 1 : start;
    }

    /// <summary>Moves a cut back to the end of a word, by at most <see cref="MaxSnap"/> characters and never before <paramref name="start"/>.</summary>
    private static int SnapEnd(string text, int start, int end)
    {
        var limit = Math.Max(start + 1, end - MaxSnap);
        for (var at = end; at < text.Length && at >= limit; at--)
        {
            if (char.IsWhiteSpace(text[at]))
            {
                return at;
            }
        }

        return end < text.Length && end > start && char.IsLowSurrogate(text[end]) ? end - 1 : end;
    }

    /// <summary>Farthest a cut moves to reach a word boundary.</summary>
    private const int MaxSnap = 30;
}
