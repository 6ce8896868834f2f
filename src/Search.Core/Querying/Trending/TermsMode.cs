namespace Search.Core.Querying.Trending;

/// <summary>Values of the <c>terms</c> parameter.</summary>
public enum TermsMode
{
    None,
    Significant,
}
