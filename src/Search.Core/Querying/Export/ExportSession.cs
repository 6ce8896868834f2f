using Lucene.Net.Search;
using Search.Core.Indexing;

namespace Search.Core.Querying.Export;

/// <summary>
/// One export: every match of a request, in its order, from the reader that was current when the session opened
/// (the lease is held until it is disposed), as Elasticsearch's point-in-time with search_after walks a snapshot.
/// Matches are collected a chunk at a time after the last one written, so memory stays that of one chunk whatever
/// the number of rows; each chunk costs one more pass over the matches (a few ms per 10,000 articles).
/// </summary>
public sealed class ExportSession : IDisposable
{
    /// <summary>Rows collected per pass: larger passes fewer times over the index, holding more rows at once.</summary>
    private const int ChunkSize = 4096;

    private readonly SearcherLease _lease;
    private readonly Query _ranking;
    private readonly SearchRequest _request;

    internal ExportSession(SearcherLease lease, Query ranking, SearchRequest request, int total)
    {
        _lease = lease;
        _ranking = ranking;
        _request = request;
        Total = total;
    }

    /// <summary>How many articles match (every filter applied) in the session's reader.</summary>
    public int Total { get; }

    /// <summary>The matching rows in the request's order (ties by id), stopping at <paramref name="limit"/>.</summary>
    public IEnumerable<ExportRow> Rows(int limit, CancellationToken cancellationToken)
    {
        var searcher = _lease.Searcher;
        var reader = searcher.IndexReader;
        FieldDoc? after = null;
        var written = 0;
        while (written < limit)
        {
            var chunk = Math.Min(ChunkSize, limit - written);
            var docs = SearchCollection.Collect(searcher, _ranking, _request, chunk, after, rememberMatches: false, cancellationToken).Ranked;
            foreach (var doc in docs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Read(reader, doc.Doc);
            }

            written += docs.Count;
            if (docs.Count < chunk)
            {
                yield break;
            }

            after = (FieldDoc)docs[^1];
        }
    }

    private static ExportRow Read(Lucene.Net.Index.IndexReader reader, int doc)
    {
        var card = StoredArticles.ReadCard(reader, doc);
        var lang = DocValueKeys.Read(reader, doc, ArticleFields.Lang);
        return new ExportRow(card.Id, card.Url, card.Title, card.Outlet, card.Published, card.Speakers,
            DocValueKeys.Read(reader, doc, ArticleFields.SourceKey), DocValueKeys.Read(reader, doc, ArticleFields.AuthorKey),
            lang.Count > 0 ? lang[0] : null);
    }

    public void Dispose() => _lease.Dispose();
}
