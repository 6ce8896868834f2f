using System.Text.RegularExpressions;
using Search.Core.Alerts;
using Search.Core.Articles;

namespace Search.Bench.Alerts;

/// <summary>
/// Saved searches of the kinds people keep, drawn from the corpus itself so they match at realistic rates: a word,
/// two words (AND), either of two words, a two-word phrase from a body, a word within one outlet, and an outlet alone.
/// Words are taken from titles (the words people search for), of four letters or more.
/// </summary>
public static partial class SavedSearchGenerator
{
    public static List<AlertRequest> Generate(IReadOnlyList<Article> articles, int count, int seed)
    {
        var random = new Random(seed);
        var words = articles.SelectMany(a => WordPattern().Matches(a.Title ?? "").Select(m => m.Value.ToLowerInvariant()))
            .Distinct(StringComparer.Ordinal).ToArray();
        var outlets = articles.Select(a => a.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        string Word() => words[random.Next(words.Length)];
        string Phrase()
        {
            var body = WordPattern().Matches(articles[random.Next(articles.Count)].Body);
            if (body.Count < 2)
            {
                return Word();
            }

            var at = random.Next(body.Count - 1);
            return $"\"{body[at].Value} {body[at + 1].Value}\"";
        }

        var requests = new List<AlertRequest>(count);
        for (var i = 0; i < count; i++)
        {
            requests.Add(random.Next(6) switch
            {
                0 => new AlertRequest(Word(), null, null, null, $"bench {i}"),
                1 => new AlertRequest($"{Word()} {Word()}", null, null, null, $"bench {i}"),
                2 => new AlertRequest($"{Word()} OR {Word()}", null, null, null, $"bench {i}"),
                3 => new AlertRequest(Phrase(), null, null, null, $"bench {i}"),
                4 => new AlertRequest(Word(), [outlets[random.Next(outlets.Length)]], null, null, $"bench {i}"),
                _ => random.Next(10) == 0
                    ? new AlertRequest("", [outlets[random.Next(outlets.Length)]], null, null, $"bench {i}")
                    : new AlertRequest($"{Word()} {Phrase()}", null, null, null, $"bench {i}"),
            });
        }

        return requests;
    }

    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex WordPattern();
}
