using System.Text.Json;
using Polly;
using Polly.Retry;
using Search.Api.Endpoints;
using Search.Core.Alerts;

namespace Search.Api.Infrastructure;

/// <summary>
/// POSTs each match of an alert that has a webhook to its URL, in order, at least once. Off unless
/// <see cref="AlertOptions.WebhookHosts"/> lists hosts; a URL whose host is not listed is never called (the list is
/// checked again here, so removing a host from it stops deliveries at once). A failed POST (network error or a
/// non-2xx answer) is retried with exponential backoff and jitter (Polly); after the last attempt the alert waits for
/// the next round, never skipping a match. What was delivered is kept per alert in <c>webhooks.json</c> beside the
/// match log (written to a temporary file, fsynced, renamed), so a restart resumes after the last delivered match.
/// </summary>
public sealed class WebhookDelivery(AlertService alerts, AlertOptions options, ILogger<WebhookDelivery> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>A webhook's body: which alert matched, and the match as GET /alerts/{id}/matches gives it.</summary>
    public sealed record WebhookPayload(string AlertId, string AlertName, AlertMatchView Match);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.WebhookHosts.Length == 0)
        {
            return;
        }

        var pipeline = new ResiliencePipelineBuilder<bool>()
            .AddRetry(new RetryStrategyOptions<bool>
            {
                MaxRetryAttempts = options.WebhookAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.WebhookRetryDelayMs),
                ShouldHandle = new PredicateBuilder<bool>().Handle<HttpRequestException>().Handle<TaskCanceledException>().HandleResult(ok => !ok),
            })
            .Build();
        var statePath = Path.Combine(alerts.Folder, "webhooks.json");
        var delivered = Load(statePath);
        var idle = TimeSpan.FromMilliseconds(Math.Max(options.WebhookRetryDelayMs, 1_000));
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = alerts.Matches.WaitForNewAsync(stoppingToken);
            foreach (var alert in alerts.List().Where(a => a.Webhook is not null))
            {
                if (!Uri.TryCreate(alert.Webhook, UriKind.Absolute, out var url)
                    || !options.WebhookHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var match in alerts.Matches.Read(alert.Id, delivered.GetValueOrDefault(alert.Id), 100))
                {
                    var payload = new WebhookPayload(alert.Id, alert.Name, AlertMatchView.From(match));
                    var ok = await pipeline.ExecuteAsync(async token => await Post(url, payload, token), stoppingToken);
                    if (!ok)
                    {
                        logger.LogWarning("Webhook of alert {AlertId} to {Host} failed {Attempts} times; retrying later", alert.Id, url.Host, options.WebhookAttempts);
                        break;
                    }

                    delivered[alert.Id] = match.Cursor;
                    Save(statePath, delivered);
                }
            }

            await Task.WhenAny(changed, Task.Delay(idle, stoppingToken));
        }
    }

    private async Task<bool> Post(Uri url, WebhookPayload payload, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(url, payload, Json, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    private static Dictionary<string, long> Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(path)) ?? [] : [];

    private static void Save(string path, Dictionary<string, long> delivered)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, delivered);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
