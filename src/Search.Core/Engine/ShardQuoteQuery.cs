using Search.Core.Querying.Quotes;

namespace Search.Core.Engine;

/// <summary>
/// What every shard runs in the phases of a sharded quote search: the article phases (no <paramref name="Articles"/>)
/// and the quote phases over the articles the coordinator picked that this shard holds.
/// </summary>
/// <param name="Request">Query, filters and order.</param>
/// <param name="MultiSelect">As <see cref="QuoteSearcher"/>'s: read articles kept by all filters but one (facets), or by all (a speaker's page).</param>
/// <param name="Limit">Article phase: how many best articles to return (the index's quote article limit).</param>
/// <param name="Articles">Quote phases: ids of the picked articles held here, in their global order.</param>
/// <param name="Ranks">Quote phases: each article's rank in the global order, parallel to <paramref name="Articles"/>.</param>
/// <param name="Window">Quote phase: how many of this shard's first kept quotes get their text (a page cannot reach further).</param>
/// <param name="Highlight">Quote phase: the text with the matches marked (a search) or plain (a speaker's page).</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ShardQuoteQuery(
    QuoteSearchRequest Request,
    bool MultiSelect,
    int Limit = 0,
    IReadOnlyList<string>? Articles = null,
    IReadOnlyList<int>? Ranks = null,
    int Window = 0,
    bool Highlight = true);
