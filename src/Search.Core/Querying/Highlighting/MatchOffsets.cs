using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Search.Core.Indexing;

namespace Search.Core.Querying.Highlighting;

/// <summary>
/// Turns match positions (first position, position after the last) into character ranges of the field's text.
/// Two ways, same answer: from the character offsets the index keeps in the postings of the query's terms
/// (fields indexed with offsets: reads a few postings of one document), or, for a segment indexed without
/// offsets (an index built before they were added), by re-analysing the text up to the last match.
/// </summary>
internal static class MatchOffsets
{
    /// <summary>Whether <paramref name="field"/> of this segment keeps offsets in its postings.</summary>
    public static bool HasOffsets(AtomicReader leaf, string field) =>
        leaf.FieldInfos.FieldInfo(field) is { IsIndexed: true } info
        && info.IndexOptions.CompareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) >= 0;

    /// <summary>Ranges from the postings (read with offsets) of the query's terms, each positioned on the document.</summary>
    public static List<MatchRange> FromPostings(IReadOnlyList<DocsAndPositionsEnum> postingsOnDoc, List<(int Start, int End)> positions)
    {
        // Only the first and last position of each match need an offset.
        var wanted = new Dictionary<int, (int Start, int End)>(positions.Count * 2);
        foreach (var (start, end) in positions)
        {
            wanted[start] = (-1, -1);
            wanted[end - 1] = (-1, -1);
        }

        foreach (var postings in postingsOnDoc)
        {
            for (var left = postings.Freq; left > 0; left--)
            {
                var position = postings.NextPosition();
                if (wanted.TryGetValue(position, out var offsets) && offsets.Start < 0)
                {
                    wanted[position] = (postings.StartOffset, postings.EndOffset);
                }
            }
        }

        return ToRanges(positions, position => wanted.TryGetValue(position, out var offsets) ? offsets : (-1, -1));
    }

    /// <summary>Ranges found by analysing <paramref name="text"/> again (segments without offsets).</summary>
    public static List<MatchRange> FromText(Analyzer analyzer, string field, string text, List<(int Start, int End)> positions)
    {
        var lastPosition = positions.Max(p => p.End);
        var offsets = new List<(int Start, int End)>();
        // Only positions and offsets are read here, so the article analyzer can skip its term filters.
        using (var stream = analyzer is ArticleAnalyzer article ? article.GetOffsetStream(text) : analyzer.GetTokenStream(field, text))
        {
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken() && position < lastPosition)
            {
                position += increment.PositionIncrement;
                while (offsets.Count < position)
                {
                    offsets.Add((-1, -1));
                }

                if (offsets.Count == position)
                {
                    offsets.Add((offset.StartOffset, offset.EndOffset));
                }
            }

            stream.End();
        }

        return ToRanges(positions, position => position < offsets.Count ? offsets[position] : (-1, -1));
    }

    private static List<MatchRange> ToRanges(List<(int Start, int End)> positions, Func<int, (int Start, int End)> offsetsAt)
    {
        var ranges = new List<MatchRange>(positions.Count);
        foreach (var (startPosition, endPosition) in positions)
        {
            var first = offsetsAt(startPosition);
            var last = offsetsAt(endPosition - 1);
            if (first.Start >= 0 && last.Start >= 0 && last.End >= first.Start)
            {
                ranges.Add(new MatchRange(first.Start, last.End));
            }
        }

        return Merge(ranges);
    }

    /// <summary>Sorted by start, overlapping or touching ranges joined.</summary>
    private static List<MatchRange> Merge(List<MatchRange> ranges)
    {
        ranges.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<MatchRange>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, range.End) };
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }
}
