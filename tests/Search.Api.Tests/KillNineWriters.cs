using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Search.Shared;

namespace Search.Api.Tests;

/// <summary>
/// The part the kill -9 tests share: settings for a real server on a fresh index, three writers (two posting one
/// article at a time, one posting bulk batches of five) that record what the server acknowledged, and the kill.
/// Each test says what the articles are about and what must survive.
/// </summary>
/// <param name="idPrefix">Start of every article id ("k1", "k2", …).</param>
/// <param name="singleText">Page text of an article posted alone, from its id.</param>
/// <param name="bulkText">Page text of an article posted in a bulk batch, from its id.</param>
internal sealed class KillNineWriters(string idPrefix, Func<string, string> singleText, Func<string, string> bulkText)
{
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private int _sequence;

    /// <summary>Settings for a server on <paramref name="index"/> (of <paramref name="shards"/> shards) with no seeds, this write key and no rate limit.</summary>
    public static Dictionary<string, string> ServerSettings(string index, string key, int shards = 1) => new()
    {
        ["Search__Shards"] = shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Search__IndexPath"] = index,
        ["Search__SeedsPath"] = "",
        ["Search__ApiKey"] = key,
        ["Search__RateLimitPerSecond"] = "0",
    };

    /// <summary>How many writes were acknowledged so far.</summary>
    public int AcknowledgedCount
    {
        get
        {
            lock (_acknowledged)
            {
                return _acknowledged.Count;
            }
        }
    }

    /// <summary>A copy of the ids acknowledged so far.</summary>
    public HashSet<string> Acknowledged()
    {
        lock (_acknowledged)
        {
            return new HashSet<string>(_acknowledged, StringComparer.Ordinal);
        }
    }

    /// <summary>Writes one new article and records it when acknowledged; false when it was not.</summary>
    public async Task<bool> WriteOneAsync(HttpClient client) => await WriteAsync(client, [NextId()]);

    /// <summary>
    /// Runs the three writers until <paramref name="untilKill"/> completes, then kills the server hard and waits for
    /// the writers, which stop at their first failed request (a write cut off by the kill was never acknowledged).
    /// </summary>
    public async Task WriteUntilKilledAsync(HttpClient client, ApiServerProcess server, Func<Task> untilKill)
    {
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var ids = Enumerable.Range(0, w == 2 ? 5 : 1).Select(_ => NextId()).ToList();
                try
                {
                    await WriteAsync(client, ids);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    return; // The server died mid-request: that write was never acknowledged.
                }
            }
        })).ToList();

        await untilKill();
        server.KillHard();
        await stop.CancelAsync();
        await Task.WhenAll(writers);
    }

    private string NextId() => idPrefix + Interlocked.Increment(ref _sequence);

    private async Task<bool> WriteAsync(HttpClient client, List<string> ids)
    {
        bool acknowledged;
        if (ids.Count == 1)
        {
            var response = await client.PostAsJsonAsync(new Uri("/articles", UriKind.Relative), new { id = ids[0], text = singleText(ids[0]) });
            acknowledged = response.StatusCode == HttpStatusCode.Created;
        }
        else
        {
            var body = new StringBuilder();
            foreach (var id in ids)
            {
                body.Append(JsonSerializer.Serialize(new { id, text = bulkText(id) })).Append('\n');
            }

            using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
            var bulk = await client.PostAsync(new Uri("/articles/bulk", UriKind.Relative), content);
            var lines = (await bulk.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            // Only a complete response acknowledges the batch: each line was written after its commit.
            acknowledged = bulk.IsSuccessStatusCode && lines.Length == ids.Count && lines.All(l => l.Contains("\"created\"", StringComparison.Ordinal));
        }

        if (acknowledged)
        {
            lock (_acknowledged)
            {
                _acknowledged.UnionWith(ids);
            }
        }

        return acknowledged;
    }
}
