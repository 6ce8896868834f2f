using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Search.Bench.Fuzz;

/// <summary>What a fuzz run saw: answers by status, invariant violations (with a few examples) and the ids it was told are stored.</summary>
public sealed class FuzzOutcome
{
    private readonly ConcurrentDictionary<int, int> _byStatus = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly Lock _modelLock = new();
    private int _violationCount;

    /// <summary>Ids whose latest acknowledged write stored them.</summary>
    public HashSet<string> Stored { get; } = new(StringComparer.Ordinal);

    /// <summary>The article count of /health on each server at the end (one per silo).</summary>
    public List<int> HealthCounts { get; } = [];

    public bool Passed => _violationCount == 0 && HealthCounts.Count > 0 && HealthCounts.TrueForAll(count => count == Stored.Count);

    public void Record(FuzzRequest request, HttpStatusCode status, string? mediaType, string body)
    {
        var code = (int)status;
        _byStatus.AddOrUpdate(code, 1, (_, n) => n + 1);
        if (code >= 500)
        {
            Violation($"{request.Method} {request.Url} gave {code}: {Shorten(body)}");
        }
        else if (code >= 400 && mediaType != "application/problem+json")
        {
            Violation($"{request.Method} {request.Url} gave {code} without ProblemDetails ({mediaType})");
        }
        else if (code < 300 && request.Method != HttpMethod.Get)
        {
            lock (_modelLock)
            {
                Track(request, status, body);
            }
        }
    }

    private void Track(FuzzRequest request, HttpStatusCode status, string body)
    {
        if (request.Method == HttpMethod.Delete && status == HttpStatusCode.NoContent)
        {
            Stored.Remove(Uri.UnescapeDataString(request.Url["/articles/".Length..]));
        }
        else if (request.Url.StartsWith("/articles/bulk", StringComparison.Ordinal))
        {
            foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var result = JsonDocument.Parse(line).RootElement;
                if (result.GetProperty("status").GetString() is "created" or "updated")
                {
                    Stored.Add(result.GetProperty("id").GetString()!);
                }
            }
        }
        else if (status is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            Stored.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);
        }
    }

    public string Summarise(int requests, int seed, int clients, TimeSpan elapsed, TimeSpan clientCpu)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"fuzz: {requests} requests, seed {seed}, {clients} clients, {elapsed.TotalSeconds:0} s wall ({clientCpu.TotalSeconds:0} s CPU in the client)");
        text.AppendLine("status counts: " + string.Join(", ", _byStatus.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}")));
        text.AppendLine(CultureInfo.InvariantCulture, $"5xx or 4xx without ProblemDetails: {_violationCount}");
        text.AppendLine(CultureInfo.InvariantCulture, $"acknowledged stored articles: {Stored.Count}; /health counts: {string.Join(", ", HealthCounts)} ({(HealthCounts.TrueForAll(count => count == Stored.Count) ? "equal" : "DIFFERENT")})");
        foreach (var violation in _violations.Take(20))
        {
            text.AppendLine("  " + violation);
        }

        text.AppendLine(Passed ? "PASS" : "FAIL");
        return text.ToString();
    }

    private void Violation(string message)
    {
        if (Interlocked.Increment(ref _violationCount) <= 20)
        {
            _violations.Enqueue(message);
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
