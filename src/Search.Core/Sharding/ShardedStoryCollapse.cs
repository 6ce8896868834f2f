using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Stories;

namespace Search.Core.Sharding;

/// <summary>
/// collapse=story over shards, an approximation: each shard collapses its own matches
/// (<see cref="StoryCollapse"/>), and the shards' first articles are merged by sort value then id. A story whose
/// copies hashed to several shards appears once per shard, and the story count is the sum over shards.
/// </summary>
internal static class ShardedStoryCollapse
{
    public static ResultPage Page(IReadOnlyList<SearcherLease> leases, IReadOnlyList<SearchCollection> collections, Sort sort,
        SearchRequest request, int skip)
    {
        var shardRequest = request with { Page = 1, Size = skip + request.Size };
        var pages = new ResultPage[leases.Count];
        var tops = new TopDocs[leases.Count];
        for (var shard = 0; shard < leases.Count; shard++)
        {
            pages[shard] = StoryCollapse.Page(leases[shard].Searcher.IndexReader, collections[shard], leases[shard].Context.Stories, shardRequest);
            tops[shard] = new TopFieldDocs(pages[shard].Docs.Count, [.. pages[shard].Docs], sort.GetSort(), float.NaN);
        }

        var merged = TopDocs.Merge(sort, skip, request.Size, tops).ScoreDocs.Cast<FieldDoc>().ToList();
        var copies = merged.Select(doc =>
        {
            var page = pages[doc.ShardIndex];
            return page.Copies![IndexOf(page.Docs, doc)];
        }).ToList();
        return new ResultPage(merged, After: null, pages.Sum(p => p.Stories ?? 0), copies);
    }

    private static int IndexOf(IReadOnlyList<FieldDoc> docs, FieldDoc doc)
    {
        for (var i = 0; i < docs.Count; i++)
        {
            if (ReferenceEquals(docs[i], doc))
            {
                return i;
            }
        }

        throw new InvalidOperationException("A merged hit is not on its shard's page.");
    }
}
