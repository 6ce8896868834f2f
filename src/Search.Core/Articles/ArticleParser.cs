namespace Search.Core.Articles;

/// <summary>
/// Turns a raw page into an <see cref="Article"/>: drops furniture, finds the headline, the clean body,
/// the outlet and its credited sources, the speakers with their quotes, and the publication day.
/// Fields given with the raw article win over extracted ones.
/// </summary>
public static class ArticleParser
{
    public static Article Parse(RawArticle raw)
    {
        var lines = BoilerplateFilter.KeepArticleLines(PageLines.Split(raw.Text));

        var titleLine = TitleExtractor.FindTitleLine(lines);
        var title = raw.Title ?? (titleLine >= 0 ? lines[titleLine] : null);

        var bodyLines = lines.Where((_, i) => i != titleLine).ToList();
        var credit = SourceExtractor.FindCredit(bodyLines);
        var body = JoinParagraphs(bodyLines.Where(line => !IsCreditLine(line, credit)));

        var (speakers, quotes) = SpeakerExtractor.Extract(body, title);
        var outlet = raw.Outlet is { Length: > 0 } given
            ? OutletNames.Normalize(given)
            : OutletNames.FromUrlOrHost(raw.Url ?? raw.Site) ?? credit;

        return new Article(
            Id: raw.Id,
            Url: raw.Url,
            Title: title,
            Body: body,
            Outlet: outlet,
            Sources: SourceExtractor.FindCitedOutlets(body, credit),
            Speakers: raw.Speakers ?? speakers,
            Quotes: quotes,
            Published: raw.Published ?? PublishedDateExtractor.Extract(lines))
        {
            Credit = credit,
        };
    }

    private static bool IsCreditLine(string line, string? credit) =>
        credit is not null && line.Length <= 80 && SourceExtractor.FindCredit([line]) == credit;

    /// <summary>Joins lines into paragraphs separated by one newline, dropping blank runs.</summary>
    private static string JoinParagraphs(IEnumerable<string> lines) =>
        string.Join('\n', lines.Where(line => line.Length > 0));
}
