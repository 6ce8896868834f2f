using System.Text;
using Search.Core.Articles;

namespace Search.Indexer.Evaluation;

/// <summary>
/// What the API serves, for scoring: the articles of one evaluation set go through the same batch step the
/// index applies at ingest (<see cref="SpeakerNameResolver"/>: a bare surname takes the batch's full name),
/// and names are compared exactly as a facet shows them, after folding case and punctuation only. No
/// suffix or first-and-last matching: "Campaigner Jane Roe" is not "Jane Roe", "Roe" is not "Jane Roe".
/// </summary>
public static class ServedNames
{
    /// <summary>The articles as the index stores them after a bulk load of the whole set.</summary>
    public static IReadOnlyList<Article> Serve(IReadOnlyList<Article> parsed)
    {
        var names = new SpeakerNameResolver();
        foreach (var article in parsed)
        {
            names.Observe(article.Speakers);
        }

        return [.. parsed.Select(a => SpeakerNameResolver.MayRename(a) ? names.ResolveSpeakers(a) : a)];
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
