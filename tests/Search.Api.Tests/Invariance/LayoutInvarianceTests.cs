using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Search.Api.Tests.Invariance;

/// <summary>
/// The same corpus gives the same answers on every layout and in any ingest order (#22): over searches of every kind
/// (words, phrases, booleans, fuzzy, prf, filters, timelines, trending terms), /quotes, /speakers pages and /suggest,
/// every layout of <see cref="InvarianceLayouts"/> answers as the first (one index fed in corpus order): totals, ids,
/// the four facets, histograms, quotes, terms; scores within <see cref="JsonDifference.ScoreTolerance"/>.
/// </summary>
public sealed partial class LayoutInvarianceTests(InvarianceLayouts layouts, ITestOutputHelper output) : IClassFixture<InvarianceLayouts>
{
    /// <summary>
    /// Parts of the answer (a path with indices dropped, e.g. "search:$.facets.speaker") left out of the assertion, each
    /// with why. Every difference is still printed.
    /// </summary>
    private static readonly Dictionary<string, string> Excluded = new(StringComparer.Ordinal)
    {
    };

    private static readonly string[] Searches =
    [
        "q=trump",
        "q=president&histogram=month",
        "q=economy&terms=significant",
        "q=%22health%20care%22",
        "q=%22white%20house%22&sort=newest",
        "q=trump%20AND%20russia",
        "q=immigration%20OR%20border&histogram=week",
        "q=police%20NOT%20shooting",
        "q=justice",
        "q=census",
        "q=learning&terms=significant",
        "q=electon~",
        "q=presidnet~%20campaign",
        "q=healthcare~%20OR%20insurance",
        "q=election&expand=prf",
        "q=tax%20reform&expand=prf",
        "q=climate&expand=prf&terms=significant",
        "q=&terms=significant",
        "q=&histogram=month&sort=oldest",
        "q=court&terms=significant&histogram=auto",
        "q=elect*&op=or",
        "q=%22supreme%20court%22~3",
        "q=china%20trade&op=or&terms=significant",
        "q=obama&sort=newest&page=2",
        "q=vote&from=2016-01-01&to=2016-12-31",
        "q=speaker:obama",
    ];

    [Fact]
    public async Task EveryLayoutMatchesTheSameArticlesToEachAlert()
    {
        var expected = await MatchedAsync(0);
        Assert.True(expected.All(ids => ids.Count > 0) && expected.Any(ids => ids.Count < InvarianceLayouts.Articles), "an alert matched nothing, or every alert everything");
        for (var layout = 1; layout < layouts.Layouts.Count; layout++)
        {
            var actual = await MatchedAsync(layout);
            for (var alert = 0; alert < expected.Count; alert++)
            {
                // The matches come in write order, which differs by layout; the set of articles may not.
                Assert.True(expected[alert].SequenceEqual(actual[alert]),
                    $"{layouts.Layouts[layout].Name}: alert {alert} matched {actual[alert].Count} articles, one index {expected[alert].Count}");
            }
        }
    }

    /// <summary>Per alert, the ids of the articles it matched (each once: a write retried may match twice), sorted.</summary>
    private async Task<List<List<string>>> MatchedAsync(int layout)
    {
        var client = layouts.Layouts[layout].Server.CreateClient();
        var all = new List<List<string>>();
        foreach (var alert in layouts.AlertIds[layout])
        {
            all.Add([.. (await client.GetAlertMatchIdsAsync(alert)).Order(StringComparer.Ordinal)]);
        }

        output.WriteLine($"{layouts.Layouts[layout].Name}: alert matches {string.Join(", ", all.Select(ids => ids.Count))}");
        return all;
    }

    [Fact]
    public async Task EveryLayoutAnswersAsOneIndexInCorpusOrder()
    {
        var reference = layouts.Layouts[0].Server.CreateClient();
        var everything = await reference.GetOkJsonAsync("/search?q=&size=1");
        var speakers = Values(everything, "speaker", 5);
        var outlets = Values(everything, "outlet", 2);
        var sources = Values(everything, "source", 2);
        Assert.True(speakers.Count >= 3 && outlets.Count >= 2 && sources.Count >= 2, "the corpus has too few facet values");

        var urls = Searches.Select(q => "/search?size=20&" + q).ToList();
        urls.Add($"/search?size=20&q=war&speaker={Escape(speakers[0])}");
        urls.Add($"/search?size=20&q=&speaker={Escape(speakers[1])}&speaker={Escape(speakers[2])}&histogram=month");
        urls.Add($"/search?size=20&q=&outlet={Escape(outlets[0])}&terms=significant");
        urls.Add($"/search?size=20&q=senate&source={Escape(sources[0])}&outlet={Escape(outlets[1])}");
        urls.Add($"/search?size=20&q=speaker:%22{Escape(speakers[0])}%22");
        urls.AddRange(["/quotes?q=&size=20", "/quotes?q=economy&size=20", "/quotes?q=war&sort=newest&size=20", "/quotes?q=%22american%20people%22&size=20"]);
        urls.Add($"/quotes?q=&speaker={Escape(speakers[0])}&size=20");
        urls.AddRange(speakers.Select(s => "/speakers/" + Escape(s)));
        urls.AddRange(["/suggest?prefix=ob", "/suggest?prefix=tr", "/suggest?prefix=bi", "/suggest?prefix=sen", "/suggest?prefix=white%20h"]);

        var failures = new List<string>();
        var tally = new SortedDictionary<string, (int Equal, int Compared)>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            var expected = await GetAsync(reference, url);
            foreach (var (name, server) in layouts.Layouts.Skip(1))
            {
                var actual = await GetAsync(server.CreateClient(), url);
                var differing = JsonDifference.Find(expected, actual).GroupBy(d => Part(url, d)).ToDictionary(g => g.Key, g => g.ToList());
                foreach (var part in Parts(url, expected).Union(differing.Keys))
                {
                    var (equal, compared) = tally.GetValueOrDefault(part);
                    tally[part] = (equal + (differing.ContainsKey(part) ? 0 : 1), compared + 1);
                }

                foreach (var (part, differences) in differing)
                {
                    output.WriteLine($"{name} {url} [{part}]: {differences.Count} differences, first {differences[0]}");
                    if (!Excluded.ContainsKey(part))
                    {
                        failures.Add($"{name} {url}: {differences[0]}");
                    }
                }
            }
        }

        foreach (var (part, (equal, compared)) in tally)
        {
            output.WriteLine($"{part}: {equal} of {compared} equal{(Excluded.TryGetValue(part, out var why) ? " (not asserted: " + why + ")" : "")}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from one index in corpus order:\n" + string.Join('\n', failures.Take(40)));
    }

    /// <summary>
    /// GETs an answer; a 503 (a shard call timed out on a loaded machine: no answer, not a different one) is asked again,
    /// a few times.
    /// </summary>
    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || attempt == 4)
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>The top <paramref name="count"/> values of a facet of a search answer.</summary>
    private static List<string> Values(JsonElement response, string facet, int count) =>
        [.. response.GetProperty("facets").GetProperty(facet).EnumerateArray().Take(count).Select(v => v.GetProperty("value").GetString()!)];

    private static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>The part of an answer a difference falls in: its endpoint and its path without indices, facets and hits by name.</summary>
    private static string Part(string url, string difference)
    {
        var path = Indices().Replace(difference[..difference.IndexOf(':', StringComparison.Ordinal)], "");
        var segments = path.Split('.');
        return Endpoint(url) + ":" + string.Join('.', segments.Take(segments.Length > 1 && segments[1] is "facets" or "hits" ? 3 : 2));
    }

    /// <summary>The parts an answer has, so equal ones are counted too.</summary>
    private static List<string> Parts(string url, JsonElement answer)
    {
        var parts = new List<string>();
        if (answer.ValueKind != JsonValueKind.Object)
        {
            parts.Add(Endpoint(url) + ":$");
            return parts;
        }

        foreach (var property in answer.EnumerateObject().Where(p => p.Name is not ("tookMs" or "cached")))
        {
            if (property.Name == "facets" && property.Value.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(property.Value.EnumerateObject().Select(f => $"{Endpoint(url)}:$.facets.{f.Name}"));
            }
            else if (property.Name == "hits" && property.Value.ValueKind == JsonValueKind.Array)
            {
                parts.AddRange(property.Value.EnumerateArray().SelectMany(h => h.EnumerateObject().Select(p => p.Name)).Distinct()
                    .Select(p => $"{Endpoint(url)}:$.hits.{p}"));
            }
            else
            {
                parts.Add($"{Endpoint(url)}:$.{property.Name}");
            }
        }

        return parts;
    }

    private static string Endpoint(string url) => url.Split('?')[0].Split('/')[1];

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Indices();
}
