using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

using Search.Core.Articles;

namespace Search.Core.Extraction;

/// <summary>
/// Extracts the article from an HTML page. Metadata comes from JSON-LD (NewsArticle and kin), Open Graph
/// and article:* meta tags, then the markup (h1, time datetime). The text comes from the article's own
/// container: itemprop=articleBody, else the &lt;article&gt; with most paragraph text, else &lt;main&gt;, else
/// &lt;body&gt;, with navigation, asides, footers, forms and blocks whose class or id says comments, related,
/// share or newsletter removed. Written for common CMS templates (WordPress, Arc, news sites with schema.org
/// markup); a page that puts its story in bare &lt;div&gt;s without those hints falls back to the whole body,
/// which the plain-text <see cref="BoilerplateFilter"/> then cleans.
/// </summary>
public static partial class HtmlArticleExtractor
{
    private static readonly string[] ArticleTypes = ["NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle", "WebPage"];

    // Elements that never hold article text.
    private const string DropSelector =
        "script, style, noscript, template, nav, aside, footer, form, iframe, svg, button, select, "
        + "[role=navigation], [role=complementary], [role=contentinfo], [aria-hidden=true], [hidden]";

    // Class or id words of furniture blocks in common templates. Most may run on ("relatedposts",
    // "commentlist", "sharedaddy"); short ones (ads, tags, menu) must stand alone.
    [GeneratedRegex(@"(?:^|[\s_-])((?:comment|respond|related|recommend|more-stories|share|sharing|social|newsletter|subscribe|signup|sidebar|promo|advert|sponsor|cookie|popup|modal|breadcrumb|author-bio|read-more|trending|outbrain|taboola|disqus)[\w-]*|reply|ads?|tags|menu)(?:$|[\s_-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureName();

    private const string BlockSelector = "p, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, figcaption";

    /// <summary>Parses the page and returns its article text and metadata.</summary>
    public static HtmlPage Extract(string html)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var ld = FindJsonLdArticle(document);

        var title = Clean(LdString(ld, "headline")) ?? Meta(document, "og:title") ?? Meta(document, "twitter:title")
            ?? Clean(document.QuerySelector("article h1, main h1, h1")?.TextContent) ?? SplitDocumentTitle(document.Title);
        var siteName = Meta(document, "og:site_name") ?? LdPublisher(ld) ?? Meta(document, "application-name");
        var url = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url") ?? LdString(ld, "url");
        var published = DayParser.ParseLenient(LdString(ld, "datePublished")) ?? DayParser.ParseLenient(Meta(document, "article:published_time"))
            ?? DayParser.ParseLenient(Meta(document, "date") ?? Meta(document, "pubdate") ?? Meta(document, "publish-date") ?? Meta(document, "parsely-pub-date") ?? Meta(document, "dc.date"))
            ?? DayParser.ParseLenient(document.QuerySelector("article time[datetime], main time[datetime], time[datetime]")?.GetAttribute("datetime"));

        foreach (var element in document.QuerySelectorAll(DropSelector).ToList())
        {
            element.Remove();
        }

        var pageText = ParagraphText(document.DocumentElement);
        foreach (var element in document.QuerySelectorAll("[class], [id]").ToList())
        {
            var names = (element.GetAttribute("class") ?? "") + " " + (element.GetAttribute("id") ?? "");
            if (FurnitureName().IsMatch(names) && !HoldsTheStory(element, pageText))
            {
                element.Remove();
            }
        }

        var root = PickRoot(document);
        var text = root is null ? "" : BlockText(root, title);
        if (text.Length == 0 && LdString(ld, "articleBody") is { Length: > 0 } ldBody)
        {
            text = ldBody;
        }

        return new HtmlPage(text, title, siteName is null ? null : OutletNames.Normalize(siteName), url, published);
    }

    /// <summary>
    /// Containers of the story are kept whatever their class says ("site-content has-sidebar" wraps the
    /// article on many WordPress themes): they hold the article element or most of the page's paragraphs.
    /// </summary>
    private static bool HoldsTheStory(IElement element, int pageText) =>
        element.LocalName is "body" or "html" or "main" or "article"
        || element.QuerySelector("article, main, [itemprop=articleBody]") is not null
        || pageText > 0 && ParagraphText(element) * 2 > pageText;

    private static int ParagraphText(IElement? element) =>
        element?.QuerySelectorAll("p").Sum(p => p.TextContent.Length) ?? 0;

    private static IElement? PickRoot(IDocument document) =>
        document.QuerySelector("[itemprop=articleBody]")
        ?? document.QuerySelectorAll("article").MaxBy(a => a.QuerySelectorAll("p").Sum(p => p.TextContent.Length))
        ?? document.QuerySelector("main, [role=main]")
        ?? document.Body;

    /// <summary>One line per text block; text outside blocks (bare text in divs) becomes its own line.</summary>
    private static string BlockText(IElement root, string? title)
    {
        var lines = new List<string>();
        var blocks = root.QuerySelectorAll(BlockSelector).Where(b => b.QuerySelector(BlockSelector) is null).ToList();
        if (blocks.Count == 0)
        {
            return Normalize(root.TextContent);
        }

        foreach (var block in blocks)
        {
            var line = Normalize(block.TextContent);
            if (line.Length > 0 && !string.Equals(line, title, StringComparison.Ordinal))
            {
                lines.Add(line);
                lines.Add("");
            }
        }

        return string.Join('\n', lines);
    }

    private static string Normalize(string text) => WhiteSpace().Replace(text.Replace('\u00a0', ' '), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : Normalize(text);

    private static string? Meta(IDocument document, string name) =>
        Clean(document.QuerySelectorAll("meta")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop"), name, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content"));

    /// <summary>"Headline | Site" or "Headline - Site": the part before the last separator.</summary>
    private static string? SplitDocumentTitle(string? title)
    {
        var cleaned = Clean(title);
        if (cleaned is null)
        {
            return null;
        }

        var cut = Math.Max(cleaned.LastIndexOf(" | ", StringComparison.Ordinal), cleaned.LastIndexOf(" - ", StringComparison.Ordinal));
        return cut > 10 ? cleaned[..cut] : cleaned;
    }

    private static JsonElement? FindJsonLdArticle(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticle(json.RootElement) is { } found)
                {
                    return found.Clone();
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common in the wild; the meta tags and the markup still tell us enough.
            }
        }

        return null;
    }

    private static JsonElement? FindArticle(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().Select(FindArticle).FirstOrDefault(e => e is not null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty("@graph", out var graph) && FindArticle(graph) is { } inGraph)
        {
            return inGraph;
        }

        if (element.TryGetProperty("@type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()) : [type.GetString()];
            if (types.Any(t => ArticleTypes.Contains(t, StringComparer.OrdinalIgnoreCase)) && element.TryGetProperty("headline", out _))
            {
                return element;
            }
        }

        return null;
    }

    private static string? LdString(JsonElement? ld, string property) =>
        ld is { } e && e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? LdPublisher(JsonElement? ld) =>
        ld is { } e && e.TryGetProperty("publisher", out var publisher)
            ? publisher.ValueKind == JsonValueKind.Object && publisher.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()
            : publisher.ValueKind == JsonValueKind.String ? publisher.GetString() : null
            : null;

    /// <summary>The declared charset of an HTML page's bytes (meta charset or http-equiv), or null.</summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> head)
    {
        var ascii = Encoding.ASCII.GetString(head[..Math.Min(head.Length, 4096)]);
        var match = Regex.Match(ascii, @"charset\s*=\s*[""']?(?<name>[\w-]+)", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups["name"].Value.ToLowerInvariant() : null;
    }
}
