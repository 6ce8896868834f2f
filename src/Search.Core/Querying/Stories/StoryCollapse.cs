using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Indexing;
using Search.Core.Querying.Facets;

namespace Search.Core.Querying.Stories;

/// <summary>
/// The page step with story collapsing (<see cref="SearchRequest.CollapseStories"/>): over the same ranked
/// collection as an ordinary search (collected up to the result window), keeps the first (best) article of
/// each story and pages over those. Copies are counted over every match, not only the window.
/// </summary>
internal static class StoryCollapse
{
    public static ResultPage Page(IndexReader reader, SearchCollection collection, StoryGroups stories, SearchRequest request)
    {
        var members = MembersByStory(reader, collection.Matches(), stories);
        var seen = new HashSet<int>();
        var firsts = collection.Ranked.Cast<FieldDoc>().Where(doc => seen.Add(stories.StoryOf(doc.Doc)));
        var docs = firsts.Skip((request.Page - 1) * request.Size).Take(request.Size).ToList();
        return new ResultPage(docs, After: null, members.Count, [.. docs.Select(doc => (IReadOnlyList<int>)members[stories.StoryOf(doc.Doc)])]);
    }

    /// <summary>A hit with its story's copies: how many, and their outlets (the hit's own first).</summary>
    public static SearchHit WithCopies(SearchHit hit, IndexReader reader, int doc, IReadOnlyList<int> copies)
    {
        var outlets = MultiDocValues.GetSortedSetValues(reader, ArticleFields.OutletKey);
        return hit with
        {
            Copies = copies.Count,
            StoryOutlets = [.. copies.OrderBy(d => d != doc).SelectMany(d => OutletsOf(outlets, d)).Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>The matching articles (kept by every filter) of each story, by story.</summary>
    private static Dictionary<int, List<int>> MembersByStory(IndexReader reader, MatchSet matches, StoryGroups stories)
    {
        var members = new Dictionary<int, List<int>>();
        foreach (var leaf in reader.Leaves)
        {
            var bits = matches.Matches(leaf.Ord);
            var length = bits.Length;
            for (var doc = length == 0 ? -1 : bits.NextSetBit(0); doc >= 0; doc = doc + 1 < length ? bits.NextSetBit(doc + 1) : -1)
            {
                if (!matches.IsKept(leaf.Ord, doc, -1))
                {
                    continue;
                }

                var global = leaf.DocBase + doc;
                var story = stories.StoryOf(global);
                if (!members.TryGetValue(story, out var list))
                {
                    members[story] = list = [];
                }

                list.Add(global);
            }
        }

        return members;
    }

    private static List<string> OutletsOf(SortedSetDocValues? outlets, int doc)
    {
        var values = new List<string>();
        if (outlets is null)
        {
            return values;
        }

        outlets.SetDocument(doc);
        for (var ord = outlets.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = outlets.NextOrd())
        {
            var bytes = new BytesRef();
            outlets.LookupOrd(ord, bytes);
            values.Add(bytes.Utf8ToString());
        }

        return values;
    }
}
