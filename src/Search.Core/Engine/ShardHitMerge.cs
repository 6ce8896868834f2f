using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Engine;

/// <summary>Merges shards' best hits (a search's, a trending sample's, a quote search's articles) as one index orders them.</summary>
internal static class ShardHitMerge
{
    /// <summary>A merged hit: the shard it came from, the hit, and its sort values (a cursor is made from them).</summary>
    public sealed record MergedHit(int Shard, ShardHit Hit, FieldDoc Doc);

    /// <summary>The shards' hits merged by sort value, then id (ids are unique, so the order is total).</summary>
    /// <param name="sort">By score or day, then id: the shards' own order.</param>
    /// <param name="perShard">Each shard's hits, best first; null for a shard that did not answer.</param>
    /// <param name="skip">Merged hits to leave out first.</param>
    /// <param name="size">Merged hits to return.</param>
    public static List<MergedHit> Merge(Sort sort, IReadOnlyList<ShardHit>?[] perShard, int skip, int size)
    {
        var byScore = sort.GetSort()[0].Type == SortFieldType.SCORE;
        var topDocs = perShard.Select(hits => (TopDocs)new TopFieldDocs(hits?.Count ?? 0,
            [.. (hits ?? []).Select((hit, i) => (ScoreDoc)new FieldDoc(i, hit.Score,
                [byScore ? J2N.Numerics.Single.GetInstance(hit.Score) : J2N.Numerics.Int64.GetInstance(hit.Day), new BytesRef(hit.Id)]))],
            sort.GetSort(), float.NaN)).ToArray();
        return [.. TopDocs.Merge(sort, skip, size, topDocs).ScoreDocs.Cast<FieldDoc>()
            .Select(doc => new MergedHit(doc.ShardIndex, perShard[doc.ShardIndex]![doc.Doc], doc))];
    }
}
