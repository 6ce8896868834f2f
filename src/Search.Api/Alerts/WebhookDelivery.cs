using System.Text.Json;
using Polly;
using Polly.Retry;
using Search.Api.Endpoints;
using Search.Core.Alerts;

namespace Search.Api.Alerts;

/// <summary>
/// POSTs each match of an alert that has a webhook to its URL, in order, at least once. Off unless
/// <see cref="AlertOptions.WebhookHosts"/> lists hosts; a URL whose host is not listed is never called (the list is
/// checked again here, so removing a host from it stops deliveries at once). A failed POST (network error or a
/// non-2xx answer) is retried with exponential backoff and jitter (Polly); after the last attempt the alert waits for
/// the next round, never skipping a match. What was delivered is kept per alert by the alert book
/// (<see cref="IAlertBook.MarkDeliveredAsync"/>, durably), so a restart resumes after the last delivered match. Every
/// silo of a cluster runs this loop, but only the holder of the book's delivery lease POSTs; when it dies, the lease
/// runs out and another silo resumes from what the book says was delivered.
/// </summary>
public sealed class WebhookDelivery(IAlertBook alerts, AlertOptions options, ILogger<WebhookDelivery> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

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
        var idle = TimeSpan.FromMilliseconds(Math.Max(options.WebhookRetryDelayMs, 1_000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The newest match now: the round below sees it, so the wait after it is for newer ones.
                var seen = await alerts.WaitBeyondAsync(long.MaxValue, TimeSpan.Zero);
                if (await alerts.LeaseDeliveryAsync(_holder, Lease) && await DeliverAsync(pipeline, stoppingToken))
                {
                    continue;
                }

                // Until a newer match, or the idle time (for retries and to renew the lease).
                await alerts.WaitBeyondAsync(seen, idle).WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The alert store may be moving to another silo: try again after a pause, never stop delivering.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Webhook delivery could not reach the alert store; retrying");
                await Task.Delay(idle, stoppingToken);
            }
        }
    }

    /// <summary>One round over the alerts with webhooks, up to 100 matches each; true when some have more waiting.</summary>
    private async Task<bool> DeliverAsync(ResiliencePipeline<bool> pipeline, CancellationToken stoppingToken)
    {
        var delivered = await alerts.DeliveredAsync();
        var more = false;
        foreach (var alert in (await alerts.ListAsync()).Select(summary => summary.Alert).Where(a => a.Webhook is not null))
        {
            if (!Uri.TryCreate(alert.Webhook, UriKind.Absolute, out var url)
                || !options.WebhookHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var page = await alerts.ReadAsync(alert.Id, delivered.GetValueOrDefault(alert.Id), 100);
            var full = page.Matches.Count == 100;
            foreach (var match in page.Matches)
            {
                var payload = new WebhookPayload(alert.Id, alert.Name, AlertMatchView.From(match));
                var ok = await pipeline.ExecuteAsync(async token => await Post(url, payload, token), stoppingToken);
                if (!ok)
                {
                    logger.LogWarning("Webhook of alert {AlertId} to {Host} failed {Attempts} times; retrying later", alert.Id, url.Host, options.WebhookAttempts);
                    full = false;
                    break;
                }

                await alerts.MarkDeliveredAsync(alert.Id, match.Cursor);
            }

            more |= full;
        }

        return more;
    }

    private async Task<bool> Post(Uri url, WebhookPayload payload, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(url, payload, Json, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
