using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Indexing.Readers;
using Search.Core.Querying;
using Search.Core.Querying.Facets;
using Search.Core.Querying.Stories;
using Search.Core.Querying.Timeline;
using Search.Core.Querying.Trending;

namespace Search.Core.Engine;

/// <summary>
/// One shard's side of a sharded search, built from the pipeline's own steps (<see cref="SearchSteps"/>,
/// <see cref="SearchCollection"/>, <see cref="StoryCollapse"/>, <see cref="FacetCounter"/>): dfs (the query's
/// statistics here), query (collect with the index-wide statistics, the shard's best hits and every facet value
/// it holds) and fetch (stored fields and snippets of the page's hits held here). Each phase takes its own lease,
/// so nothing is held between the coordinator's calls; the fetch finds its articles by id, not by doc number.
/// </summary>
internal sealed class ShardSearchSteps(ArticleIndex index, SearchSteps steps, SearchOptions options)
{
    /// <summary>The query a shard runs: the parsed query with its proximity boost, or the more-like-this words.</summary>
    private (Query Ranking, Query? Highlight) Build(IndexSearcher searcher, ShardQuery query)
    {
        if (query.LikeTerms is { } words)
        {
            var like = new BooleanQuery();
            foreach (var word in words)
            {
                like.Add(new TermQuery(new Term(ArticleFields.Body, word)), Occur.SHOULD);
            }

            return (new BooleanQuery
            {
                { like, Occur.MUST },
                { new TermQuery(new Term(ArticleFields.Id, query.ExcludeId ?? "")), Occur.MUST_NOT },
            }, null);
        }

        var (aliased, parsed) = steps.Parse(query.Request);
        parsed = FuzzyExpansion.Restrict(parsed, query.Fuzzy);
        // Pseudo-relevance feedback needs the global top documents: the coordinator chose its words from them.
        var ranked = steps.Rank(searcher, parsed, aliased, feedback: false);
        if (query.FeedbackTerms is { } feedback)
        {
            ranked = RelevanceFeedback.WithExpansion(ranked, [.. feedback.Select((term, i) => (term, query.FeedbackWeights![i]))], aliased.Query!, steps.Analyzer);
        }

        return (ranked, parsed);
    }

    public ShardStatistics CollectStatistics(ShardQuery query)
    {
        using var lease = index.AcquireSearcher();
        var (ranking, parsed) = Build(lease.Searcher, query);
        var statistics = IndexStatistics.Collect(lease.Searcher, ranking) with
        {
            Generation = lease.Context.Version,
            Fuzzy = parsed is null ? null : FuzzyExpansion.Collect(lease.Searcher.IndexReader, parsed),
        };
        if (!query.SpeakerValues)
        {
            return statistics;
        }

        var speakers = ReaderContextFactory.SpeakerValues(lease.Searcher.IndexReader);
        return statistics with { SpeakerNames = [.. speakers.Select(s => s.Name)], SpeakerCounts = [.. speakers.Select(s => s.Count)] };
    }

    public ShardQueryResult Query(ShardQuery query, ShardStatistics statistics, CancellationToken cancellationToken)
    {
        using var lease = index.AcquireSearcher();
        var searcher = new GlobalStatisticsSearcher(lease.Searcher.IndexReader, IndexStatistics.From(statistics));
        return Query(lease, searcher, query, Build(searcher, query).Ranking, alone: false, cancellationToken).Result;
    }

    /// <summary>
    /// Query and fetch in one call, for a shard that is the whole index (one index): its own statistics and speaker
    /// aliases are the index's, so there is no dfs phase, and the page's hits are read from the reader that ranked them,
    /// by doc number, with their speakers shown by their corpus-wide names (Elasticsearch's query_and_fetch).
    /// </summary>
    public ShardQueryResult SearchAlone(ShardQuery query, Action check, CancellationToken cancellationToken)
    {
        using var lease = index.AcquireSearcher();
        var aliases = lease.Context.SpeakerAliases;
        query = query with { Request = query.Request with { Speakers = aliases.Expand(query.Request.Speakers) } };
        var (ranking, highlight) = Build(lease.Searcher, query);
        var (result, page) = Query(lease, lease.Searcher, query, ranking, alone: true, cancellationToken);
        var hits = steps.Hits(lease.Searcher, highlight, page, check).ConvertAll(hit => hit with { Speakers = aliases.Present(hit.Speakers) });
        return result with { Page = hits };
    }

    // alone: this shard is the whole index, so its hits start at the page (the coordinator skips nothing).
    private (ShardQueryResult Result, IReadOnlyList<ScoreDoc> Page) Query(SearcherLease lease, IndexSearcher searcher, ShardQuery query, Query ranking,
        bool alone, CancellationToken cancellationToken)
    {
        var reader = searcher.IndexReader;
        var request = query.Request;
        var after = request.After is null ? null : SearchCursor.Decode(request.After, request.Sort);
        var skip = after is null ? (request.Page - 1) * request.Size : 0;
        var window = request.CollapseStories ? Math.Max(1, Math.Min(options.MaxResultWindow, reader.MaxDoc)) : skip + request.Size + 1;
        var collection = SearchCollection.Collect(searcher, ranking, request, window, after,
            rememberMatches: request.CollapseStories || request.IncludeFacets || SearchInsights.NeedsMatches(request), cancellationToken,
            SearchInsights.SampleSize(request, options.TrendingSampleSize));
        List<ShardHit> hits;
        IReadOnlyList<ScoreDoc> pageDocs;
        int? stories = null;
        if (request.CollapseStories)
        {
            // Each shard collapses its own matches; the coordinator pages over the shards' first articles.
            var page = StoryCollapse.Page(reader, collection, lease.Context.Stories, request with { Page = 1, Size = skip + request.Size });
            stories = page.Stories;
            pageDocs = [.. page.Docs.Skip(skip).Take(request.Size)];
            var first = alone ? skip : 0;
            hits = [.. page.Docs.Skip(first).Select((doc, i) =>
            {
                var copies = StoryCollapse.WithCopies(new SearchHit("", null, null, null, [], null, 0, ""), reader, doc.Doc, page.Copies![first + i]);
                return ToShardHit(doc) with { Copies = copies.Copies, StoryOutlets = copies.StoryOutlets };
            })];
        }
        else
        {
            hits = [.. collection.Ranked.Skip(alone ? skip : 0).Cast<FieldDoc>().Select(ToShardHit)];
            pageDocs = [.. collection.Ranked.Skip(skip).Take(request.Size)];
        }

        var facets = new List<ShardFacetCounts>();
        if (request.IncludeFacets)
        {
            var matches = collection.Matches();
            foreach (var facet in FacetDefinition.All)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (query.FacetTop > 0)
                {
                    // A lone shard's answer is the index's: its top values, aliases folded in the tally (#22, #23).
                    var top = facet.Name == FacetDefinition.Speaker
                        ? FacetCounter.Count(reader, lease.Context.Facets, facet.Field, matches, matches.FilterIndex(facet.Name), query.FacetTop, lease.Context.SpeakerAliasSlots)
                        : FacetCounter.Count(reader, lease.Context.Facets, facet.Field, matches, matches.FilterIndex(facet.Name), query.FacetTop);
                    facets.Add(new ShardFacetCounts(facet.Name, [.. top.Select(value => System.Text.Encoding.UTF8.GetBytes(value.Value))], [.. top.Select(value => value.Count)]));
                    continue;
                }

                var (values, counts) = FacetCounter.CountAll(reader, lease.Context.Facets, facet.Field, matches, matches.FilterIndex(facet.Name));
                facets.Add(new ShardFacetCounts(facet.Name, values, counts));
            }
        }

        // The timeline as days, not buckets: auto picks its interval from the span of every shard's matches together.
        var days = request.Histogram is null ? null : TimelineCounter.CountPerDay(reader, collection.Matches(), cancellationToken);
        var totalDays = days is null ? null : SearchInsights.TotalsPerDay(searcher, request, days, cancellationToken);
        var sample = request.Terms == TermsMode.Significant ? SampleHits(reader, collection.SampleDocs(), request.Sort) : null;
        return (new ShardQueryResult(collection.Total, hits, facets, stories, days, sample, totalDays), pageDocs);
    }

    internal static ShardHit ToShardHit(FieldDoc doc) => new(
        ((Lucene.Net.Util.BytesRef)doc.Fields[1]).Utf8ToString(),
        doc.Score,
        doc.Fields[0] is J2N.Numerics.Int64 day ? day.ToInt64() : 0);

    /// <summary>
    /// The trending-terms sample as hits the coordinator can merge: the sample's collector keeps no sort values, so
    /// the id and (for a date sort) the day are read from doc values, with the day sort's stand-in for undated articles;
    /// each carries its story signature, so the coordinator counts a wire story's copies once.
    /// </summary>
    private static List<ShardHit> SampleHits(IndexReader reader, IReadOnlyList<ScoreDoc> sample, SearchSort sort)
    {
        var leaves = reader.Leaves;
        var missing = sort == SearchSort.Newest ? long.MinValue : long.MaxValue;
        var hits = new List<ShardHit>(sample.Count);
        var bytes = new Lucene.Net.Util.BytesRef();
        foreach (var doc in sample)
        {
            var leaf = leaves[ReaderUtil.SubIndex(doc.Doc, leaves)];
            var local = doc.Doc - leaf.DocBase;
            leaf.AtomicReader.GetSortedDocValues(ArticleFields.IdSort).Get(local, bytes);
            var day = sort == SearchSort.Relevance ? 0
                : leaf.AtomicReader.GetDocsWithField(ArticleFields.PublishedDays)?.Get(local) == true
                    ? leaf.AtomicReader.GetNumericDocValues(ArticleFields.PublishedDays).Get(local) : missing;
            var id = bytes.Utf8ToString();
            uint[]? signature = null;
            if (leaf.AtomicReader.GetBinaryDocValues(ArticleFields.StorySignature) is { } signatures)
            {
                signatures.Get(local, bytes);
                signature = StoryFingerprint.FromBytes(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
            }

            hits.Add(new ShardHit(id, doc.Score, day, Signature: signature));
        }

        return hits;
    }

    /// <summary>The page's hits held here, by id, in the order asked; null for an id no longer here.</summary>
    public IReadOnlyList<SearchHit?> Fetch(ShardQuery query, IReadOnlyList<string> ids, Action? check = null)
    {
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        var highlight = Build(searcher, query).Highlight;
        return [.. ids.Select(id =>
        {
            var found = searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1);
            return found.TotalHits == 0 ? null : steps.Hits(searcher, highlight, [new ScoreDoc(found.ScoreDocs[0].Doc, 0)], check)[0];
        })];
    }
}
