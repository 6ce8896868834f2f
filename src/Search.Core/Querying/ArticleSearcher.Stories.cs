using System.Diagnostics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying.Facets;
using Search.Core.Querying.Stories;

namespace Search.Core.Querying;

/// <summary>Story collapsing (<see cref="SearchRequest.CollapseStories"/>): one hit per group of copies.</summary>
public sealed partial class ArticleSearcher
{
    /// <summary>Story groups per reader; an entry lives as long as its reader.</summary>
    private readonly ConditionalWeakTable<IndexReader, StoryGroups> _storyGroups = [];

    /// <summary>
    /// Collects the ranked matches up to the result window, keeps the first (best) article of each story
    /// and pages over those. Copies are counted over every match, not only the window.
    /// </summary>
    private SearchResponse RunCollapsed(SearchRequest request, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        if (request.After is not null)
        {
            throw new SearchRequestException("after", "collapse=story pages with page and size; the after cursor is not available with it.");
        }

        var query = _parser.Parse(request.Query, request.Operator);
        using var lease = _index.AcquireSearcher();
        var searcher = lease.Searcher;
        var reader = searcher.IndexReader;
        var window = Math.Max(1, Math.Min(_options.MaxResultWindow, reader.MaxDoc));
        var top = TopFieldCollector.Create(CreateSort(request.Sort), window, after: null, fillFields: true,
            trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        // Story members are counted over every match, so matches are remembered even without facets.
        var collector = new FilteringCollector(top, BuildFilters(request), reader, rememberMatches: true, cancellationToken);
        searcher.Search(RankingQuery(searcher, query, request), collector);

        var stories = StoryGroups.For(reader, _storyGroups);
        var matches = collector.ToMatchSet();
        var members = MembersByStory(reader, matches, stories);

        var seen = new HashSet<int>();
        var firsts = top.GetTopDocs().ScoreDocs.Cast<FieldDoc>().Where(doc => seen.Add(stories.StoryOf(doc.Doc))).ToList();
        var outlets = MultiDocValues.GetSortedSetValues(reader, ArticleFields.OutletKey);
        var hits = firsts.Skip((request.Page - 1) * request.Size).Take(request.Size).Select(doc =>
        {
            var copies = members[stories.StoryOf(doc.Doc)];
            return ToHit(searcher, query, doc) with
            {
                Copies = copies.Count,
                StoryOutlets = [.. copies.OrderBy(d => d != doc.Doc).SelectMany(d => OutletsOf(outlets, d)).Distinct(StringComparer.Ordinal)],
            };
        }).ToList();

        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        if (request.IncludeFacets)
        {
            foreach (var (name, field, filter) in FacetFields)
            {
                cancellationToken.ThrowIfCancellationRequested();
                facets[name] = _facets.Count(reader, field, matches, matches.FilterIndex(filter), _options.FacetSize);
            }
        }

        var response = new SearchResponse(request.Query ?? "", collector.Kept, request.Page, request.Size, 0, hits, facets, After: null)
        { Stories = members.Count };
        var sample = firsts.Take(SearchInsights.SampleSize(request)).Select(d => d.Doc).ToList();
        response = _insights.Add(response, request, reader, matches, sample, cancellationToken);
        return response with { TookMs = stopwatch.ElapsedMilliseconds };
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

    private static IEnumerable<string> OutletsOf(SortedSetDocValues? outlets, int doc)
    {
        if (outlets is null)
        {
            yield break;
        }

        outlets.SetDocument(doc);
        var values = new List<string>();
        for (var ord = outlets.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = outlets.NextOrd())
        {
            var bytes = new Lucene.Net.Util.BytesRef();
            outlets.LookupOrd(ord, bytes);
            values.Add(bytes.Utf8ToString());
        }

        foreach (var value in values)
        {
            yield return value;
        }
    }
}
