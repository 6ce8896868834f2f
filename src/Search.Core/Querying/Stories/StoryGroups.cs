using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Querying.Stories;

/// <summary>
/// Which articles of one index reader are copies of the same story: every live document with a
/// <see cref="StoryFingerprint"/> is bucketed by its band keys, and two documents sharing a bucket are joined
/// when their signatures agree enough (<see cref="StoryFingerprint.SameStoryThreshold"/>). The groups are
/// the connected components (union-find). Built once per reader (a few hundred milliseconds for 37k
/// articles), once per reader, by
/// <see cref="Search.Core.Indexing.Readers.ReaderContextFactory"/> when a refresh opens the reader.
/// </summary>
public sealed class StoryGroups
{
    /// <summary>
    /// A band shared by more articles than this is page furniture (the same related-stories block or
    /// footer under every article of a site), not a story republished: such buckets are ignored. Measured on
    /// the allsides corpus, whose bodies still carry some sites' furniture: without the cap, one site's
    /// unrelated political pieces chained into groups of 7 to 12.
    /// </summary>
    public const int MaxBucketSize = 8;

    /// <summary>Estimated similarity two articles of the same outlet need (measured: 0.4 joined a site's unrelated pages).</summary>
    public const double SameOutletThreshold = 0.6;

    private readonly int[] _parent;

    private StoryGroups(int[] parent) => _parent = parent;

    /// <summary>The story of a top-level document id: the smallest document id of its group.</summary>
    public int StoryOf(int doc) => Find(doc);

    /// <summary>Number of groups with two or more articles, and the articles in them.</summary>
    public (int Groups, int Articles) CountCopyGroups(IBits? liveDocs)
    {
        var sizes = new Dictionary<int, int>();
        for (var doc = 0; doc < _parent.Length; doc++)
        {
            if (liveDocs is null || liveDocs.Get(doc))
            {
                var root = Find(doc);
                sizes[root] = sizes.GetValueOrDefault(root) + 1;
            }
        }

        var groups = sizes.Values.Where(size => size > 1).ToList();
        return (groups.Count, groups.Sum());
    }

    /// <summary>Members of each group of two or more, by story.</summary>
    public IReadOnlyList<IReadOnlyList<int>> CopyGroups(IBits? liveDocs)
    {
        var members = new Dictionary<int, List<int>>();
        for (var doc = 0; doc < _parent.Length; doc++)
        {
            if (liveDocs is null || liveDocs.Get(doc))
            {
                var root = Find(doc);
                if (!members.TryGetValue(root, out var list))
                {
                    members[root] = list = [];
                }

                list.Add(doc);
            }
        }

        return [.. members.Values.Where(list => list.Count > 1)];
    }

    /// <summary>Groups the live articles of <paramref name="reader"/>, reading every segment afresh.</summary>
    public static StoryGroups Build(IndexReader reader, double threshold = StoryFingerprint.SameStoryThreshold, int maxBucket = MaxBucketSize) =>
        Build(reader, [.. reader.Leaves.Select(leaf => StorySegment.Read(leaf.AtomicReader))], threshold, maxBucket);

    /// <summary>Groups the live articles of <paramref name="reader"/>.</summary>
    /// <param name="reader">A top-level reader.</param>
    /// <param name="segments">What each of its leaves holds, in leaf order (<see cref="StorySegment.Read"/>).</param>
    /// <param name="threshold">Estimated Jaccard similarity from which two articles are copies.</param>
    /// <param name="maxBucket">Band buckets holding more articles than this are ignored (see <see cref="MaxBucketSize"/>).</param>
    public static StoryGroups Build(IndexReader reader, IReadOnlyList<StorySegment> segments,
        double threshold = StoryFingerprint.SameStoryThreshold, int maxBucket = MaxBucketSize)
    {
        var parent = new int[reader.MaxDoc];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        var groups = new StoryGroups(parent);
        var signatures = new uint[]?[reader.MaxDoc];
        var outlets = new string?[reader.MaxDoc];
        // Most band keys belong to one article: only keys seen twice get a list.
        var firstWithKey = new Dictionary<(int Band, ulong Key), int>();
        var buckets = new Dictionary<(int Band, ulong Key), List<int>>();
        foreach (var leaf in reader.Leaves)
        {
            var segment = segments[leaf.Ord];
            var live = leaf.AtomicReader.LiveDocs;
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                outlets[leaf.DocBase + doc] = segment.Outlets[doc];
                if ((live is not null && !live.Get(doc)) || segment.Signatures[doc] is not { } signature)
                {
                    continue;
                }

                var global = leaf.DocBase + doc;
                signatures[global] = signature;
                for (var band = 0; band < StoryFingerprint.BandCount; band++)
                {
                    var key = (band, StoryFingerprint.BandKey(signature, band));
                    if (firstWithKey.TryAdd(key, global))
                    {
                        continue;
                    }

                    if (!buckets.TryGetValue(key, out var bucket))
                    {
                        buckets[key] = bucket = [firstWithKey[key]];
                    }

                    bucket.Add(global);
                }
            }
        }

        foreach (var bucket in buckets.Values)
        {
            if (bucket.Count < 2 || bucket.Count > maxBucket)
            {
                continue;
            }

            for (var i = 0; i < bucket.Count; i++)
            {
                for (var j = i + 1; j < bucket.Count; j++)
                {
                    var (a, b) = (bucket[i], bucket[j]);
                    // Within one site, shared furniture (related-stories blocks, footers) inflates the overlap:
                    // two articles of the same outlet must agree more to count as one story.
                    var needed = outlets[a] is not null && outlets[a] == outlets[b] ? SameOutletThreshold : threshold;
                    if (groups.Find(a) != groups.Find(b) && StoryFingerprint.Similarity(signatures[a], signatures[b]) >= needed)
                    {
                        groups.Union(a, b);
                    }
                }
            }
        }

        // Point every document at its root, so concurrent readers never write (Find only reads from here on).
        for (var doc = 0; doc < parent.Length; doc++)
        {
            parent[doc] = groups.Find(doc);
        }

        return groups;
    }

    private int Find(int doc)
    {
        while (_parent[doc] != doc)
        {
            _parent[doc] = _parent[_parent[doc]];
            doc = _parent[doc];
        }

        return doc;
    }

    /// <summary>The smaller id becomes the root, so a story is named by its first-indexed member.</summary>
    private void Union(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra != rb)
        {
            _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
