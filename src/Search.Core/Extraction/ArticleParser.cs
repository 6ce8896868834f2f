using Search.Core.Articles;

namespace Search.Core.Extraction;

/// <summary>
/// Turns a raw page into an <see cref="Article"/>: drops furniture, finds the headline, the clean body,
/// the outlet and its credited sources, the speakers with their quotes, and the publication day.
/// Fields given with the raw article win over extracted ones.
/// </summary>
public static class ArticleParser
{
    public static Article Parse(RawArticle raw)
    {
        // Lone surrogates and U+FFFE/U+FFFF (valid in JSON) make string APIs throw further on.
        raw = UnicodeText.Clean(raw);
        // HTML is read for its article text and metadata first; the text then goes the same way as plain
        // text, because copied comment sections and teasers also survive in markup without telling classes.
        var page = string.IsNullOrWhiteSpace(raw.Html) ? null : HtmlArticleExtractor.Extract(raw.Html);
        var text = page is null ? raw.Text : page.Text;
        var pageLines = PageLines.Split(text);
        var lines = BoilerplateFilter.KeepArticleLines(pageLines);

        var givenTitle = raw.Title ?? page?.Title;
        var titleLine = givenTitle is null ? TitleExtractor.FindTitleLine(lines) : FindLine(lines, givenTitle);
        var title = givenTitle ?? (titleLine >= 0 ? TitleExtractor.Clean(lines[titleLine]) : null);

        // Copied pages often show the headline twice near the top; neither copy is body text.
        var bodyLines = lines.Where((line, i) => i != titleLine && !(i < 40 && title is not null && IsTitleCopy(line, title))).ToList();
        var credit = SourceExtractor.FindCredit(bodyLines);
        var body = JoinParagraphs(bodyLines.Where(line => !IsCreditLine(line, credit)));

        var (speakers, quotes, organizations) = SpeakerExtractor.Extract(body, title);
        // Bylines are read from every page line: the boilerplate filter drops many of them as furniture.
        var byline = BylineExtractor.Extract(pageLines);
        var url = raw.Url ?? page?.Url;
        var outlet = raw.Outlet is { Length: > 0 } given
            ? OutletNames.Normalize(given)
            : OutletExtractor.Find(url ?? raw.Site, page?.SiteName, pageLines, credit);

        var article = new Article(
            Id: raw.Id,
            Url: url,
            Title: title,
            Body: body,
            Outlet: outlet,
            Sources: raw.Sources is null
                ? [.. SourceExtractor.FindCitedOutlets(body, credit).Concat(byline.Credits).Distinct(StringComparer.Ordinal)]
                : [.. raw.Sources.Select(OutletNames.Normalize).Distinct(StringComparer.Ordinal)],
            Speakers: raw.Speakers ?? speakers,
            Quotes: quotes,
            Published: raw.Published ?? page?.Published ?? PublishedDateExtractor.Extract(pageLines, url ?? raw.Site))
        {
            Credit = credit,
            Organizations = organizations,
            Authors = raw.Authors ?? byline.Authors,
            Lang = LanguageDetector.Detect(title, body),
        };

        // One person, one name within the article (from the article alone); across the corpus, at read time (#22).
        return raw.Speakers is null ? SpeakerNameResolver.ResolveWithinArticle(article) : article;
    }

    /// <summary>The line that repeats a given headline (so it is not indexed twice as body), or -1.</summary>
    private static int FindLine(IReadOnlyList<string> lines, string title)
    {
        for (var i = 0; i < lines.Count && i < 40; i++)
        {
            if (string.Equals(lines[i], title.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsTitleCopy(string line, string title) =>
        line.Length <= title.Length + 80 && line.Length >= title.Length
        && (string.Equals(line, title, StringComparison.Ordinal) || string.Equals(TitleExtractor.Clean(line), title, StringComparison.Ordinal));

    private static bool IsCreditLine(string line, string? credit) =>
        credit is not null && line.Length <= 80 && SourceExtractor.FindCredit([line]) == credit;

    /// <summary>Joins lines into paragraphs separated by one newline, dropping blank runs.</summary>
    private static string JoinParagraphs(IEnumerable<string> lines) =>
        string.Join('\n', lines.Where(line => line.Length > 0));
}
