using System.Text.Json.Serialization;

namespace Search.Core.Querying;

/// <summary>One result: what a result list shows, with the best passage of the body highlighted.</summary>
/// <param name="Id">The article's id (use it with GET /articles/{id}).</param>
/// <param name="Title">Headline, or null when the article has none.</param>
/// <param name="Url">Where the article was published, when known.</param>
/// <param name="Outlet">The publication the copy comes from.</param>
/// <param name="Speakers">People quoted in the article.</param>
/// <param name="Published">Publication day, when known.</param>
/// <param name="Score">BM25 relevance score (0 when sorted by date without a query).</param>
/// <param name="Snippet">HTML: escaped body text with matches wrapped in &lt;mark&gt;.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record SearchHit(
    string Id,
    string? Title,
    string? Url,
    string? Outlet,
    IReadOnlyList<string> Speakers,
    DateOnly? Published,
    float Score,
    string Snippet)
{
    /// <summary>People who wrote it (its byline), in byte order.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Outlets it credits or cites, in byte order.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Language of its text (ISO 639-1), when known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Lang { get; init; }

    /// <summary>With story collapsing: how many matching articles tell this story (this one included).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Copies { get; init; }

    /// <summary>With story collapsing: the outlets of the matching copies, this hit's first.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? StoryOutlets { get; init; }
}
