using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Search.Bench.Queries;
using Search.Core.Articles;

namespace Search.Bench.Engines;

/// <summary>
/// The line protocol of <c>xapian_peer.py</c>: every request is one JSON object on one line and gets one JSON
/// line back. Kept apart from the process handling so it can be tested without Xapian installed.
/// </summary>
public static class XapianProtocol
{
    public static string Hello() => Line(new JsonObject { ["op"] = "hello" });

    public static string Build(string path) => Line(new JsonObject { ["op"] = "build", ["path"] = path });

    public static string Open(string path) => Line(new JsonObject { ["op"] = "open", ["path"] = path });

    /// <summary>One article of a build; the build ends with an empty line.</summary>
    public static string Article(Article article) => Line(new JsonObject
    {
        ["id"] = article.Id,
        ["title"] = article.Title,
        ["body"] = article.Body,
        ["outlet"] = article.Outlet,
        ["published"] = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["speakers"] = new JsonArray([.. article.Speakers.Select(s => (JsonNode?)JsonValue.Create(s))]),
        ["sources"] = new JsonArray([.. article.Sources.Select(s => (JsonNode?)JsonValue.Create(s))]),
    });

    /// <summary>The same work as ours and FTS5's: exact total, the page's ids, and the four facets (outlet, month, speaker, source) on every class, as /search counts them by default.</summary>
    public static string Query(BenchQuery query) => Line(new JsonObject
    {
        ["op"] = "query",
        ["words"] = new JsonArray([.. query.Words.Select(w => (JsonNode?)JsonValue.Create(w))]),
        ["phrase"] = query.Phrase,
        ["slop"] = query.Slop,
        ["outlet"] = query.Outlet,
        ["page"] = query.Page,
        ["sort"] = query.SortByDate ? "date" : "relevance",
        ["facets"] = true,
    });

    /// <summary>Reads one answer line; an error answer, a line that is not a JSON object, or the end of the stream throws.</summary>
    public static JsonObject Answer(string? line)
    {
        if (line is null)
        {
            throw new XapianPeerException("the Xapian peer ended without answering");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new XapianPeerException($"the Xapian peer answered something that is not JSON: {Shorten(line)}", ex);
        }

        if (node is not JsonObject answer)
        {
            throw new XapianPeerException($"the Xapian peer answered something that is not a JSON object: {Shorten(line)}");
        }

        if (answer["error"] is { } error)
        {
            throw new XapianPeerException("the Xapian peer failed: " + error.GetValue<string>());
        }

        return answer;
    }

    /// <summary>A query's answer as the bench's outcome, with the time Xapian took inside the peer.</summary>
    public static QueryOutcome Outcome(string? line)
    {
        var answer = Answer(line);
        var ids = answer["ids"]?.AsArray().Select(id => id!.GetValue<string>()).ToList()
            ?? throw new XapianPeerException("the Xapian peer's answer has no ids");
        return new QueryOutcome(ids, Required(answer, "total").GetValue<int>(), answer["facets"]?.GetValue<int>() ?? 0)
        {
            EngineMs = Required(answer, "ms").GetValue<double>(),
            EngineCpuMs = answer["cpu_ms"]?.GetValue<double>(),
        };
    }

    public static JsonNode Required(JsonObject answer, string name) =>
        answer[name] ?? throw new XapianPeerException($"the Xapian peer's answer has no '{name}'");

    private static string Line(JsonObject request) => request.ToJsonString();

    private static string Shorten(string line) => line.Length <= 200 ? line : line[..200] + "…";
}
