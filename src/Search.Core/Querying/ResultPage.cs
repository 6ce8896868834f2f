using Lucene.Net.Search;

namespace Search.Core.Querying;

/// <summary>The page step's answer: the documents of the page, in order, and what the response says about paging.</summary>
/// <param name="Docs">The page's documents.</param>
/// <param name="After">Cursor of the next page, null on the last one (and with story collapsing).</param>
/// <param name="Stories">With story collapsing: the number of distinct stories among the matches.</param>
/// <param name="Copies">With story collapsing: for each document of the page, its story's matching articles (top-level ids).</param>
internal sealed record ResultPage(IReadOnlyList<FieldDoc> Docs, string? After, int? Stories = null, IReadOnlyList<IReadOnlyList<int>>? Copies = null);
