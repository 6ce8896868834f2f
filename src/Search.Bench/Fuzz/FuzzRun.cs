using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Search.Bench.Fuzz;

/// <summary>
/// The long fuzz run of #13: the real server (a child process on a fresh index), N generated requests
/// from a few concurrent clients, and the invariants checked on every answer: no 5xx, every 4xx is
/// ProblemDetails; at the end /health must count exactly the articles whose writes were acknowledged.
/// </summary>
public static class FuzzRun
{
    public static async Task<int> RunAsync(int requests, int seed, int clients, FuzzLayout layout, FileInfo report, CancellationToken cancellationToken)
    {
        var index = Path.Combine(Path.GetTempPath(), "robust-fuzz-" + Guid.NewGuid().ToString("N"));
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var outcome = new FuzzOutcome();
        List<HttpClient> https = [];
        try
        {
            using var servers = await FuzzServers.StartAsync(index, layout, cancellationToken);
            https = [.. servers.Addresses.Select(servers.Client)];
            var next = -1;
            // Writes go one at a time, so the model sees them in the server's order (POST and bulk ids are known only
            // from the answer); reads run concurrently with them and with each other. On several silos client i talks
            // to silo i mod N, so every silo coordinates writes and reads.
            using var writeGate = new SemaphoreSlim(1, 1);
            await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
            {
                var generator = new HostileRequestGenerator(seed + client);
                var http = https[client % https.Count];
                while (Interlocked.Increment(ref next) < requests)
                {
                    await SendAsync(http, generator.Next(), outcome, writeGate, cancellationToken);
                }
            }, cancellationToken)));

            // Searches see writes after the background refresh (within a second); every silo must count them all.
            foreach (var http in https)
            {
                var health = -1;
                for (var attempt = 0; attempt < 100; attempt++)
                {
                    health = (await http.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative), cancellationToken)).GetProperty("articles").GetInt32();
                    if (health == outcome.Stored.Count)
                    {
                        break;
                    }

                    await Task.Delay(100, cancellationToken);
                }

                outcome.HealthCounts.Add(health);
            }
        }
        finally
        {
            https.ForEach(http => http.Dispose());
            FuzzServers.DeleteIndex(index);
        }

        var summary = layout + "\n" + outcome.Summarise(requests, seed, clients, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
        Console.WriteLine(summary);
        report.Directory?.Create();
        await File.WriteAllTextAsync(report.FullName, summary, cancellationToken);
        return outcome.Passed ? 0 : 1;
    }

    private static async Task SendAsync(HttpClient http, FuzzRequest generated, FuzzOutcome outcome, SemaphoreSlim writeGate, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(generated.Method, new Uri(generated.Url, UriKind.Relative));
        if (generated.Body is not null)
        {
            request.Content = new StringContent(generated.Body, Encoding.UTF8, generated.ContentType!);
        }

        var gate = generated.Method != HttpMethod.Get ? writeGate : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            outcome.Record(generated, response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        }
        finally
        {
            gate?.Release();
        }
    }
}
