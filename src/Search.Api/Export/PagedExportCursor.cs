using System.Runtime.CompilerServices;
using Search.Api.Backend;
using Search.Core.Querying;
using Search.Core.Querying.Export;
using Search.Core.Querying.Suggestions;

namespace Search.Api.Export;

/// <summary>
/// An export over shards: the coordinator's own search, page after page with the <c>after</c> cursor, so the
/// rows and their order are those of one index (global statistics, ties by id). Each page reads each shard's
/// newest reader: unlike one index, an article written during the export may appear in it, though no row is
/// written twice (the cursor only moves forward).
/// </summary>
internal sealed class PagedExportCursor(ISearchBackend backend, SearchRequest first, SearchResponse firstPage) : IExportCursor
{
    public int Total => firstPage.Total;

    public async IAsyncEnumerable<ExportRow> Rows(int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = firstPage;
        var written = 0;
        while (true)
        {
            foreach (var hit in page.Hits)
            {
                if (written++ >= limit)
                {
                    yield break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                yield return new ExportRow(hit.Id, hit.Url, hit.Title, hit.Outlet, hit.Published, hit.Speakers, hit.Sources, hit.Authors, hit.Lang);
            }

            if (page.After is null || page.Hits.Count == 0)
            {
                yield break;
            }

            page = await backend.SearchAsync(first with { After = page.After }, FuzzyMode.Off, cancellationToken);
        }
    }

    /// <summary>Opens the export with its first page (errors in the request surface here).</summary>
    public static async ValueTask<IExportCursor> OpenAsync(ISearchBackend backend, SearchRequest request, int pageSize, CancellationToken cancellationToken)
    {
        var first = request with
        {
            Page = 1,
            Size = pageSize,
            After = null,
            CollapseStories = false,
            IncludeFacets = false,
            Histogram = null,
            Terms = Search.Core.Querying.Trending.TermsMode.None,
        };
        var page = await backend.SearchAsync(first, FuzzyMode.Off, cancellationToken);
        return new PagedExportCursor(backend, first, page);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
