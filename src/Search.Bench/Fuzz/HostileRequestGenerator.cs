using System.Text;
using System.Text.Json;

namespace Search.Bench.Fuzz;

/// <summary>One generated request: method, relative URL, optional body and its content type.</summary>
public sealed record FuzzRequest(HttpMethod Method, string Url, string? Body, string? ContentType);

/// <summary>
/// Random requests over every endpoint and parameter (alerts and admin aside), in the spirit of the CsCheck generators of the test
/// suite but seeded and endless: the whole query syntax (fields, open and closed ranges, phrases with slop,
/// boosts, fuzzy, prefix, nesting, escapes, unbalanced input), bodies in many scripts with noncharacters,
/// lone-surrogate escapes, NUL, huge values and malformed HTML. Writes use ids fuzz-0..fuzz-199.
/// </summary>
public sealed class HostileRequestGenerator(int seed)
{
    private static readonly string[] Words =
    [
        "putin", "nato", "ukraine", "talks", "the", "a", "北京", "政策", "国家体育场", "東京", "เศรษฐกิจ", "서울", "القدس", "ירושלים", "दिल्ली", "москва",
        "e\u0301te\u0301", "😀", "\uFFFE", "\uFFFF", "\0", "naïve", "x",
    ];

    private static readonly string[] Syntax =
    [
        "(", ")", "\"", "[", "]", "{", "}", "\\", ":", "*", "?", "~", "^", "/", "/re.*/", "AND", "OR", "NOT", "!", "&&", "||", "+", "-", "TO",
    ];

    private static readonly string[] Fields = ["title", "body", "outlet", "speaker", "quote", "source", "published", "nope"];

    private static readonly string[] Values =
    [
        "", "-1", "0", "1", "2", "10", "100", "101", "abc", "99999999999999999999", "2022-02-01", "2022-02-30", "true", "false", "NaN", "newest",
        "oldest", "relevance", "and", "or", "story", "prf", "auto", "off", "suggest", "wait", "eyJJZCI6IngifQ", "%00", "%C3%28", "%EF%BF%BE",
        "%ED%A0%80", "..%2F..", "%22", "CNN", "day", "week", "month", "year", "significant", "en", "zz", "Ann%20Lee", "csv", "ndjson",
        "id,title,speakers", "id,nope",
    ];

    private static readonly string[] SearchParameters =
        ["size", "page", "from", "to", "sort", "op", "after", "outlet", "speaker", "source", "facets", "fuzzy", "collapse", "expand", "organization",
            "author", "lang", "histogram", "terms"];

    private static readonly string[] QuoteParameters = ["size", "page", "from", "to", "sort", "outlet", "speaker", "organization"];

    private static readonly string[] ExportParameters = ["from", "to", "sort", "op", "outlet", "speaker", "lang", "expand", "format", "fields"];

    private static readonly string[] JsonValues =
    [
        "\"\"", "null", "42", "[]", "{}", "[null]", "\"\\uFFFE\"", "\"\\ud800\"", "\"\\u0000\"", "\"2022-02-30\"", "\"2022-02-10\"", "[\"Ann Lee\"]",
        "\"https://example.com/a\"", "\"<p><b>unclosed\"",
    ];

    private readonly Random _random = new(seed);

    /// <remarks>
    /// Since #22 one request in 12 goes to /quotes, /speakers or /export (every coordinator phase of a sharded index);
    /// the same seed therefore sends other requests than before.
    /// </remarks>
    public FuzzRequest Next() => _random.Next(12) switch
    {
        10 => Get(_random.Next(3) == 0 ? $"/speakers/{Escape(PathWord())}" : WithParameters($"/quotes?q={Escape(Query())}", QuoteParameters)),
        11 => _random.Next(4) == 0 ? Get(WithParameters($"/export?q={Escape(Query())}", ExportParameters)) : Get(SearchUrl()),
        < 4 => Get(SearchUrl()),
        4 => Get($"/suggest?prefix={Escape(Word())}&size={Pick(Values)}"),
        5 => Get($"/articles/{Id()}?q={Escape(Query())}"),
        6 => Get($"/articles/{Id()}/similar?size={Pick(Values)}"),
        7 => new FuzzRequest(_random.Next(3) == 0 ? HttpMethod.Delete : HttpMethod.Put, $"/articles/{Id()}", ArticleJson(), "application/json"),
        8 => new FuzzRequest(HttpMethod.Post, "/articles", ArticleJson(), "application/json"),
        _ => new FuzzRequest(HttpMethod.Post, "/articles/bulk",
            string.Join('\n', Enumerable.Range(0, _random.Next(1, 6)).Select(_ => _random.Next(8) == 0 ? "{broken" : ArticleJson())), "application/x-ndjson"),
    };

    private static FuzzRequest Get(string url) => new(HttpMethod.Get, url, null, null);

    private string SearchUrl() => WithParameters("/search?q=" + Escape(Query()), SearchParameters);

    /// <summary>The URL with 0-3 of the parameters, each with a value of <see cref="Values"/>.</summary>
    private string WithParameters(string start, string[] parameters)
    {
        var url = new StringBuilder(start);
        for (var i = _random.Next(4); i > 0; i--)
        {
            url.Append('&').Append(Pick(parameters)).Append('=').Append(Pick(Values));
        }

        return url.ToString();
    }

    /// <summary>A query of 1-5 clauses over the whole syntax.</summary>
    public string Query()
    {
        var clauses = Enumerable.Range(0, _random.Next(1, 6)).Select(_ => _random.Next(10) switch
        {
            0 => $"{Pick(Fields)}:{Word()}",
            1 => $"\"{Word()} {Word()}\"~{_random.Next(0, 80)}",
            2 => $"{Word()}^{Pick(["2", "0.5", "-1", "", "99999"])}",
            3 => $"{Word()}~{Pick(["", "1", "2", "3", "0.5"])}",
            4 => Word() + Pick(["*", "?", "*x*"]),
            5 => $"{Pick(Fields)}:{(_random.Next(2) == 0 ? "[" : "{")}{Pick(["2022-02-01", "*", "a", "2022-13-45"])} TO {Pick(["2022-03-01", "*", "z"])}{(_random.Next(2) == 0 ? "]" : "}")}",
            6 => $"({Word()} OR ({Word()} AND NOT {Word()}))",
            7 => Pick(Syntax),
            _ => Word(),
        });
        return string.Join(Pick([" ", " AND ", " OR ", " NOT ", " -", " +", " && "]), clauses);
    }

    private string ArticleJson()
    {
        var fields = new Dictionary<string, string>();
        for (var i = _random.Next(0, 6); i > 0; i--)
        {
            fields[Pick(["text", "html", "title", "outlet", "published", "speakers", "url", "id"])] = _random.Next(4) switch
            {
                0 => Pick(JsonValues),
                1 => JsonSerializer.Serialize(new string('o', _random.Next(2) == 0 ? 40_000 : 300)),
                _ => JsonSerializer.Serialize(string.Join(' ', Enumerable.Range(0, _random.Next(1, 40)).Select(_ => Word()))),
            };
        }

        if (_random.Next(3) > 0)
        {
            fields["text"] = JsonSerializer.Serialize("Headline " + Word() + "\n\n" + string.Join(' ', Enumerable.Range(0, _random.Next(5, 200)).Select(_ => Word())));
        }

        return "{" + string.Join(',', fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
    }

    private string Id() => _random.Next(20) == 0 ? Pick(["..%2F..", "%ED%A0%80", "nope", new string('x', 300)]) : $"fuzz-{_random.Next(200)}";

    private string Word() => Pick(Words);

    /// <summary>
    /// A word for a path segment: any but NUL. Kestrel answers a %00 in the path with a bare 400 (no body) before the
    /// application sees the request, so no handler can make it ProblemDetails; a NUL in a query string reaches the API.
    /// </summary>
    private string PathWord()
    {
        var word = Word();
        return word == "\0" ? "x" : word;
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    /// <summary>Uri.EscapeDataString throws on lone surrogates, so URLs carry them only in the raw %ED%A0%80 form of <see cref="Values"/>.</summary>
    private static string Escape(string value) => Uri.EscapeDataString(Search.Core.Extraction.UnicodeText.Clean(value));
}
