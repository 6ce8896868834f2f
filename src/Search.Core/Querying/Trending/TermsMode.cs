namespace Search.Core.Querying.Trending;

/// <summary>Values of the <c>terms</c> parameter.</summary>
[GenerateSerializer]
public enum TermsMode
{
    None,
    Significant,
}
