using System.Text.RegularExpressions;
using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Indexer.Evaluation;

/// <summary>
/// Bylines on labelled pages (#25): each boilerplate line that holds "By …" or "Written by …" is a byline. When
/// what follows "By" (up to a bar or a comma) is an outlet or the page's labelled credit, it is an agency byline,
/// and no author may carry that name; otherwise it names people, and it is a hit when one of the article's authors
/// occurs in it (ignoring case, so "SHARON COHEN" counts for "Sharon Cohen"). Any author that is a known outlet or the
/// labelled credit counts as an agency taken for a person.
/// </summary>
internal sealed partial class BylineScore
{
    private int personLines, personHits, agencyLines, agencyAuthors;

    [GeneratedRegex(@"(?:^|\s)(?:By|BY|Written by)\s+(?<rest>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ByLine();

    public void Add(PagesEvaluation.PageLabel label, Article article, List<string> report)
    {
        foreach (var line in label.Boilerplate)
        {
            var match = ByLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var rest = match.Groups["rest"].Value;
            var named = rest.Split('|', ',')[0].Trim();
            if (OutletNames.IsKnown(named) || string.Equals(named, label.SourceCredit, StringComparison.OrdinalIgnoreCase))
            {
                agencyLines++;
                continue;
            }

            personLines++;
            if (article.Authors.Any(a => rest.Contains(a, StringComparison.OrdinalIgnoreCase)))
            {
                personHits++;
            }
            else
            {
                report.Add($"  {label.File}: byline '{line}' got authors [{string.Join(", ", article.Authors)}]");
            }
        }

        foreach (var author in article.Authors.Where(a => OutletNames.IsKnown(a) || string.Equals(a, label.SourceCredit, StringComparison.OrdinalIgnoreCase)))
        {
            agencyAuthors++;
            report.Add($"  {label.File}: agency '{author}' taken for an author");
        }
    }

    public string Line() =>
        $"{"bylines naming people",-28} {personHits}/{personLines} have a name in authors"
        + $" ({(personLines == 0 ? "-" : $"{100.0 * personHits / personLines:0.0}%")}); {agencyLines} agency bylines, {agencyAuthors} agencies as authors";
}
