using Search.Core.Querying;

namespace Search.Core.Engine;

/// <summary>
/// What every shard runs in the dfs and query phases: a search request, or (similar articles) the words to
/// look for, ORed, with one article left out.
/// </summary>
/// <param name="Request">Filters, sort and page; its query text unless <paramref name="LikeTerms"/> is given.</param>
/// <param name="LikeTerms">Body words of a more-like-this query, chosen by the shard owning the article.</param>
/// <param name="ExcludeId">The article a more-like-this query is about, left out of its answer.</param>
/// <param name="SpeakerValues">dfs phase: also report every speaker value with its article count (the coordinator's alias table, #22).</param>
/// <param name="FeedbackTerms">expand=prf: the expansion words the coordinator chose from the global top documents (#22).</param>
/// <param name="FeedbackWeights">Each expansion word's weight, parallel to <paramref name="FeedbackTerms"/>.</param>
/// <param name="FacetTop">
/// Query phase: when above 0, each facet's top values only, with the shard's speaker aliases folded: the final answer,
/// which the coordinator asks of a lone shard (one index); 0 asks for every value, for the coordinator to sum.
/// </param>
/// <param name="Fuzzy">The index-wide words of each fuzzy term, when they are fewer than the shards' own expansions (<see cref="FuzzyExpansion"/>).</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ShardQuery(SearchRequest Request, IReadOnlyList<string>? LikeTerms = null, string? ExcludeId = null, bool SpeakerValues = false,
    IReadOnlyList<string>? FeedbackTerms = null, IReadOnlyList<float>? FeedbackWeights = null, int FacetTop = 0,
    IReadOnlyList<FuzzyTerms>? Fuzzy = null);
