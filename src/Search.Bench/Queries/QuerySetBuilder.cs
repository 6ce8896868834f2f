using Search.Core.Articles;

namespace Search.Bench.Queries;

/// <summary>
/// Builds the fixed query set from the corpus with a fixed seed: terms from titles, phrases from bodies.
/// Words are whitespace-separated runs of ASCII letters only, so Lucene's StandardTokenizer and SQLite's
/// unicode61 split them identically (no apostrophes, digits or hyphens, where the two tokenizers differ),
/// and both engines apply the Porter stemmer to them.
/// </summary>
public sealed class QuerySetBuilder(IReadOnlyList<Article> articles, int seed)
{
    /// <summary>Words too common to be what someone searches for alone (they still occur inside phrases).</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "that", "this", "from", "have", "will", "are", "was", "were", "been", "has",
        "into", "over", "after", "about", "says", "said", "what", "when", "who", "why", "how", "its", "his", "her",
        "their", "they", "than", "more", "just", "not", "but", "can", "new", "your", "you", "our", "out", "all",
        "would", "could", "should", "there", "which", "them", "then", "some", "other", "also", "only", "most",
    };

    private readonly Random _random = new(seed);

    /// <summary><paramref name="perClass"/> queries of each class. <paramref name="countMatches"/> finds terms deep enough to page.</summary>
    public List<BenchQuery> Build(int perClass, Func<string, int> countMatches)
    {
        var queries = new List<BenchQuery>();
        for (var i = 0; i < perClass; i++)
        {
            queries.Add(new BenchQuery(QueryClass.SingleTerm, [TitleWord()], false, 0, null, 1));
            queries.Add(new BenchQuery(QueryClass.TwoTermAnd, TitleWords(2), false, 0, null, 1));
            queries.Add(new BenchQuery(QueryClass.ExactPhrase, BodyPhrase(_random.Next(2, 4)), true, 0, null, 1));
            queries.Add(new BenchQuery(QueryClass.SloppyPhrase, BodyPairOneApart(), true, 3, null, 1));
            var (word, outlet) = TitleWordWithOutlet();
            queries.Add(new BenchQuery(QueryClass.TermWithOutletFilter, [word], false, 0, outlet, 1));
            queries.Add(new BenchQuery(QueryClass.PhraseWithFacets, BodyPhrase(2), true, 0, null, 1));
            queries.Add(new BenchQuery(QueryClass.SortByDate, [TitleWord()], false, 0, null, 1));
        }

        queries.AddRange(DeepPageTerms(perClass, countMatches).Select(w => new BenchQuery(QueryClass.DeepPage, [w], false, 0, null, 50)));
        return queries;
    }

    private List<string> DeepPageTerms(int count, Func<string, int> countMatches)
    {
        // Page 50 of 10 needs 500 matches; on a small slice few words have that many, so take the most frequent tried.
        var tried = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 400 && tried.Count(kv => kv.Value >= 500) < count; attempt++)
        {
            var word = TitleWord();
            if (!tried.ContainsKey(word))
            {
                tried[word] = countMatches(word);
            }
        }

        return tried.OrderByDescending(kv => kv.Value >= 500 ? 1 : 0).ThenBy(_ => _random.Next()).ThenByDescending(kv => kv.Value)
            .Take(count).Select(kv => kv.Key).ToList();
    }

    private string TitleWord() => TitleWords(1)[0];

    private string[] TitleWords(int count)
    {
        while (true)
        {
            var words = ContentWords(Words(RandomArticle().Title)).Distinct(StringComparer.Ordinal).ToList();
            if (words.Count >= count)
            {
                return [.. words.OrderBy(_ => _random.Next()).Take(count)];
            }
        }
    }

    private (string Word, string Outlet) TitleWordWithOutlet()
    {
        while (true)
        {
            var article = RandomArticle();
            var words = ContentWords(Words(article.Title)).ToList();
            if (article.Outlet is not null && words.Count > 0)
            {
                return (words[_random.Next(words.Count)], article.Outlet);
            }
        }
    }

    private string[] BodyPhrase(int length)
    {
        while (true)
        {
            var words = Words(RandomArticle().Body);
            if (words.Count <= length)
            {
                continue;
            }

            for (var attempt = 0; attempt < 20; attempt++)
            {
                var start = _random.Next(words.Count - length);
                var phrase = words.GetRange(start, length);
                if (phrase.TrueForAll(w => w is not null) && ContentWords(phrase).Any())
                {
                    return [.. phrase!];
                }
            }
        }
    }

    private string[] BodyPairOneApart()
    {
        while (true)
        {
            var phrase = BodyPhrase(3);
            if (ContentWords([phrase[0]]).Any() && ContentWords([phrase[2]]).Any())
            {
                return [phrase[0], phrase[2]];
            }
        }
    }

    private Article RandomArticle() => articles[_random.Next(articles.Count)];

    /// <summary>Whitespace-separated tokens, lower-cased; null where a token is not plain letters (it breaks phrases).</summary>
    private static List<string?> Words(string? text)
    {
        var words = new List<string?>();
        foreach (var raw in (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(raw.All(char.IsAsciiLetter) ? raw.ToLowerInvariant() : null);
        }

        return words;
    }

    private static IEnumerable<string> ContentWords(IEnumerable<string?> words) =>
        words.OfType<string>().Where(w => w.Length >= 4 && !StopWords.Contains(w));
}
