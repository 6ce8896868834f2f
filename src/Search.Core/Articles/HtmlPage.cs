namespace Search.Core.Articles;

/// <summary>What an HTML page says about its article: the text blocks of the article and its metadata.</summary>
/// <param name="Text">The article's text, one block (paragraph, heading, list item) per line.</param>
/// <param name="Title">Headline from JSON-LD, og:title, the article's h1 or the document title.</param>
/// <param name="SiteName">The publication's own name (og:site_name, JSON-LD publisher).</param>
/// <param name="Url">Canonical or og:url address.</param>
/// <param name="Published">Publication day from JSON-LD, article:published_time or a time element.</param>
public sealed record HtmlPage(string Text, string? Title, string? SiteName, string? Url, DateOnly? Published);
