namespace Search.Core.Extraction;

/// <summary>What a page's byline lines say: the people who wrote it and the outlets or agencies credited with it.</summary>
/// <param name="Authors">People, in the order the page names them, each once ("Matt Dennien").</param>
/// <param name="Credits">Outlets and agencies named in a byline ("By Reuters", "By Jane Roe, CNN"): credits, never authors.</param>
public sealed record Byline(IReadOnlyList<string> Authors, IReadOnlyList<string> Credits)
{
    /// <summary>A page without a byline.</summary>
    public static Byline None { get; } = new([], []);
}
