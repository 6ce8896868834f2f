using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;

namespace Search.Core.Querying.Highlighting;

/// <summary>
/// A query's span form on one field, rewritten once against a searcher (prefixes and wildcards expanded to
/// their most frequent words), with the terms those spans are made of. Made once per request by
/// <see cref="SnippetHighlighter.Prepare"/> and used for every hit of the page, so the rewrite is not redone per hit.
/// </summary>
public sealed class HighlightQuery
{
    internal HighlightQuery(string field, IReadOnlyList<SpanQuery> spans, IReadOnlyCollection<Term> terms)
    {
        Field = field;
        Spans = spans;
        Terms = terms;
    }

    /// <summary>The field whose text is marked.</summary>
    public string Field { get; }

    /// <summary>The rewritten span queries: their matches are exact positions.</summary>
    internal IReadOnlyList<SpanQuery> Spans { get; }

    /// <summary>Every term of <see cref="Spans"/>: each match starts and ends at a position of one of them.</summary>
    internal IReadOnlyCollection<Term> Terms { get; }

    /// <summary>True when nothing can be marked (the query has no positive part on the field).</summary>
    public bool IsEmpty => Spans.Count == 0;

    internal static HighlightQuery Create(IndexSearcher searcher, Query query, string field)
    {
        var spans = SpanQueryExtractor.Extract(query, field).Select(span => (SpanQuery)searcher.Rewrite(span)).ToList();
        var terms = new HashSet<Term>();
        foreach (var span in spans)
        {
            span.ExtractTerms(terms);
        }

        return new HighlightQuery(field, spans, terms);
    }
}
