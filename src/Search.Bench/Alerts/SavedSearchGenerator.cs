using System.Text.RegularExpressions;
using Search.Core.Alerts;
using Search.Core.Articles;
using Search.Core.Querying.Trending;

namespace Search.Bench.Alerts;

/// <summary>
/// Saved searches of the kinds people keep, drawn from the corpus the way user searches are: one to three content
/// words of one headline (so they name one topic, and the words of a multi-word search belong together), or two
/// adjacent headline words as a phrase ("supreme court"), and sometimes an outlet filter. Headlines are picked at
/// random, so a topic in the news often is followed often. Never stop words or page furniture
/// (<see cref="TrendingWords.IsNoise"/>), and no search whose words occur together in more than 1% of the
/// corpus's articles (title or body; a phrase counted as its two words, so the estimate errs broad): such an alert
/// ("trump", "house vote") delivers dozens of articles a day, a firehose people narrow before they save it.
/// Speaker filters are not generated: the bench corpus carries no extracted speakers to draw them from.
/// </summary>
public static partial class SavedSearchGenerator
{
    private const double MaxMatchShare = 0.01;

    public static List<AlertRequest> Generate(IReadOnlyList<Article> articles, int count, int seed)
    {
        var random = new Random(seed);
        var headlines = articles.Select(a => Words(a.Title)).Where(w => w.Any(x => x is not null)).ToList();
        var headlineCount = headlines.Count;
        if (headlineCount == 0)
        {
            return [];
        }

        var postings = Postings(articles);
        var outlets = articles.Select(a => a.Outlet).OfType<string>().ToArray();
        var limit = Math.Max(2, (int)(MaxMatchShare * articles.Count));
        bool Narrow(string query)
        {
            var words = WordPattern().Matches(query).Select(m => m.Value.ToLowerInvariant()).ToList();
            IEnumerable<int> docs = postings.GetValueOrDefault(words[0]) ?? [];
            foreach (var word in words.Skip(1))
            {
                docs = docs.Intersect(postings.GetValueOrDefault(word) ?? []);
            }

            return docs.Take(limit + 1).Count() <= limit;
        }

        string? Query(List<string?> slots, int kind)
        {
            var words = slots.OfType<string>().ToList();
            switch (kind)
            {
                case < 35:
                    return words.Count == 0 ? null : words[random.Next(words.Count)];
                case < 60:
                    return Several(words, 2);
                case < 70:
                    return Several(words, 3);
                default:
                    var at = random.Next(slots.Count);
                    // Adjacent in the headline, both kept: no phrase spans a dropped stop word.
                    return at + 1 < slots.Count && slots[at] is { } first && slots[at + 1] is { } second ? $"\"{first} {second}\"" : null;
            }
        }

        string? Several(List<string> words, int n)
        {
            var distinct = words.Distinct(StringComparer.Ordinal).ToList();
            return distinct.Count < n ? null : string.Join(' ', distinct.OrderBy(_ => random.Next()).Take(n));
        }

        var requests = new List<AlertRequest>(count);
        while (requests.Count < count)
        {
            var words = headlines[random.Next(headlineCount)];
            if (Query(words, random.Next(100)) is not { } q || !Narrow(q))
            {
                continue;
            }

            var outlet = random.Next(100) < 15 && outlets.Length > 0 ? outlets[random.Next(outlets.Length)] : null;
            requests.Add(new AlertRequest(q, outlet is null ? null : [outlet], null, null, $"bench {requests.Count}"));
        }

        return requests;
    }

    /// <summary>For each lowercased word, the articles (by position) holding it in their title or body, in order.</summary>
    private static Dictionary<string, List<int>> Postings(IReadOnlyList<Article> articles)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            foreach (var word in WordPattern().Matches(articles[i].Title + " " + articles[i].Body).Select(m => m.Value.ToLowerInvariant()).Distinct())
            {
                if (!postings.TryGetValue(word, out var docs))
                {
                    postings[word] = docs = [];
                }

                docs.Add(i);
            }
        }

        return postings;
    }

    /// <summary>The headline's content words in order; a dropped word leaves an empty slot so no phrase spans it.</summary>
    private static List<string?> Words(string? title)
    {
        var words = new List<string?>();
        foreach (Match match in WordPattern().Matches(title ?? ""))
        {
            var word = match.Value.ToLowerInvariant();
            words.Add(!TrendingWords.IsNoise(word) && word.Length >= 3 ? word : null);
        }

        return words;
    }

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)?")]
    private static partial Regex WordPattern();
}
