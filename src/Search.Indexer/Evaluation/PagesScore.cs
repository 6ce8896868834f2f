using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Indexer.Evaluation;

/// <summary>Counts of one pages-dev style evaluation (see <see cref="PagesEvaluation"/>), and the table they print as.</summary>
internal sealed class PagesScore
{
    private readonly FieldScore speakers = new("served names, exact");
    private readonly FieldScore boilerplate = new("boilerplate lines kept out", recallOnly: true);
    private int outletRight;
    private int datesGiven, dateRight, dateWrong, dateMissed;
    private int datesNotGiven, dateNoneRight, dateMarkerFound, dateInvented;
    private int titled, titleRight, untitled, titleInvented;

    public void Add(PagesEvaluation.PageLabel label, Article article, List<string> report)
    {
        ScoreOutlet(label, article, report);
        ScoreDate(label, article, report);
        ScoreTitle(label, article, report);
        ScoreSpeakers(label, article, report);
        ScoreBoilerplate(label, article, report);
    }

    public IReadOnlyList<string> Table(int pages) =>
    [
        $"{"outlet",-28} {outletRight}/{pages} right ({Percent(outletRight, pages)})",
        $"{"date, page gives one",-28} {dateRight}/{datesGiven} right ({Percent(dateRight, datesGiven)}), {dateWrong} wrong, {dateMissed} missed",
        $"{"date, page gives none",-28} {dateNoneRight}/{datesNotGiven} null or marker date ({dateMarkerFound} found the marker date), {dateInvented} wrong",
        $"{"title, page has one",-28} {titleRight}/{titled} right ({Percent(titleRight, titled)})",
        $"{"title, page has none",-28} {untitled - titleInvented}/{untitled} null, {titleInvented} invented",
        $"{"title, all pages",-28} {titleRight + untitled - titleInvented}/{pages} right ({Percent(titleRight + untitled - titleInvented, pages)})",
        speakers.ToString(),
        boilerplate.ToString(),
    ];

    private void ScoreOutlet(PagesEvaluation.PageLabel label, Article article, List<string> report)
    {
        var right = article.Outlet is { } outlet
            && label.OutletAliases.Append(label.Outlet).Any(a => string.Equals(a.Trim(), outlet.Trim(), StringComparison.OrdinalIgnoreCase));
        outletRight += right ? 1 : 0;
        if (!right)
        {
            report.Add($"  {label.File}: outlet got '{article.Outlet ?? "null"}', expected '{label.Outlet}'");
        }
    }

    private void ScoreDate(PagesEvaluation.PageLabel label, Article article, List<string> report)
    {
        var got = article.Published;
        if (label.PageGivesDate)
        {
            datesGiven++;
            if (got == label.Published)
            {
                dateRight++;
                return;
            }

            dateWrong += got is null ? 0 : 1;
            dateMissed += got is null ? 1 : 0;
            report.Add($"  {label.File}: date got {Show(got)}, expected {Show(label.Published)} ({label.PublishedBasis})");
            return;
        }

        datesNotGiven++;
        if (got is null || got == label.Published)
        {
            dateNoneRight++;
            dateMarkerFound += got is null ? 0 : 1;
            return;
        }

        dateInvented++;
        report.Add($"  {label.File}: date got {Show(got)} where the page gives none (label {Show(label.Published)}, {label.PublishedBasis ?? "no basis"})");
    }

    private void ScoreTitle(PagesEvaluation.PageLabel label, Article article, List<string> report)
    {
        var got = Collapse(article.Title);
        if (label.Title is null)
        {
            untitled++;
            titleInvented += got is null ? 0 : 1;
            if (got is not null)
            {
                report.Add($"  {label.File}: title got '{got}' where the page has none");
            }

            return;
        }

        titled++;
        var right = string.Equals(got, Collapse(label.Title), StringComparison.Ordinal);
        titleRight += right ? 1 : 0;
        if (!right)
        {
            report.Add($"  {label.File}: title got '{got ?? "null"}', expected '{label.Title}'");
        }
    }

    private void ScoreSpeakers(PagesEvaluation.PageLabel label, Article article, List<string> report)
    {
        var matched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var extra = new List<string>();
        foreach (var speaker in article.Speakers)
        {
            var hit = label.Speakers.FirstOrDefault(g => !matched.Contains(g) && ServedNames.Same(speaker, g));
            if (hit is not null)
            {
                matched.Add(hit);
            }
            else if (!label.SpeakersAmbiguous.Any(g => ServedNames.Same(speaker, g)))
            {
                extra.Add(speaker);
            }
        }

        var missed = label.Speakers.Where(g => !matched.Contains(g)).ToList();
        speakers.Add(matched.Count, extra.Count, missed.Count);
        if (missed.Count > 0 || extra.Count > 0)
        {
            report.Add($"  {label.File}: speakers missing [{string.Join(", ", missed)}], extra [{string.Join(", ", extra)}]");
        }
    }

    private void ScoreBoilerplate(PagesEvaluation.PageLabel label, Article article, List<string> report)
    {
        var bodyLines = PageLines.Split(article.Body).ToHashSet(StringComparer.Ordinal);
        foreach (var line in label.Boilerplate)
        {
            var normalised = PageLines.Split(line)[0];
            var leaked = normalised.Length > 0 && bodyLines.Contains(normalised);
            boilerplate.Add(leaked ? 0 : 1, 0, leaked ? 1 : 0);
            if (leaked)
            {
                report.Add($"  {label.File}: boilerplate left in body: {line}");
            }
        }
    }

    private static string? Collapse(string? text) =>
        text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Show(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    private static string Percent(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:0.0}%";
}
