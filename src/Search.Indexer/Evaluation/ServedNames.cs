using System.Text;
using Search.Core.Articles;
using Search.Core.Querying.Facets;

namespace Search.Indexer.Evaluation;

/// <summary>
/// What the API serves, for scoring: the articles of one evaluation set keep the names extraction gives them, and are
/// shown through the corpus-wide alias table the index builds at refresh (<see cref="SpeakerAliases"/>, #22: a bare
/// surname takes the corpus's full name, whatever the order), and names are compared exactly as a facet shows them,
/// after folding case and punctuation only. No suffix or first-and-last matching: "Campaigner Jane Roe" is not
/// "Jane Roe", "Roe" is not "Jane Roe".
/// </summary>
public static class ServedNames
{
    /// <summary>The articles as the API shows them once the whole set is indexed.</summary>
    public static IReadOnlyList<Article> Serve(IReadOnlyList<Article> parsed)
    {
        var aliases = SpeakerAliases.Build(parsed.SelectMany(a => a.Speakers.Distinct(StringComparer.Ordinal))
            .GroupBy(name => name, StringComparer.Ordinal).Select(g => (g.Key, g.Count())));
        return [.. parsed.Select(a => a with
        {
            Speakers = aliases.Present(a.Speakers),
            Quotes = [.. a.Quotes.Select(q => q.Kind == Quote.PersonKind ? q with { Speaker = aliases.Canonical(q.Speaker) } : q)],
        })];
    }

    /// <summary>Lower case, punctuation dropped (hyphens and no-break spaces become spaces), whitespace collapsed.</summary>
    public static string Fold(string name)
    {
        var folded = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '‐' or '–')
            {
                folded.Append(' ');
            }
        }

        return string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>True when two names are the same facet value once case and punctuation are folded.</summary>
    public static bool Same(string served, string gold) => string.Equals(Fold(served), Fold(gold), StringComparison.Ordinal);
}
