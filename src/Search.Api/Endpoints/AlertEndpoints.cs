using System.ComponentModel;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Infrastructure;
using Search.Core.Alerts;

namespace Search.Api.Endpoints;

/// <summary>/alerts: saved searches, their matches as pages and as a live Server-Sent Events stream.</summary>
public static class AlertEndpoints
{
    private const int MaxPageSize = 1_000;

    public static RouteGroupBuilder MapAlertEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/alerts").WithTags("Alerts");
        group.MapPost("/", Create).RequireApiKey()
            .WithName("CreateAlert")
            .WithSummary("Save a search")
            .WithDescription("Takes the parameters of /search that choose articles (q, outlet, speaker, source) and a name. "
                + "Every article written from now on that /search with the same q and filters would find is recorded as a match, "
                + "durably with the write. Optional webhook: each match is also POSTed there (hosts must be allow-listed).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", List).RequireApiKeyForReadsIfConfigured()
            .WithName("ListAlerts")
            .WithSummary("List saved searches with their match counts");
        group.MapDelete("/{id}", Delete).RequireApiKey()
            .WithName("DeleteAlert")
            .WithSummary("Delete a saved search and its matches")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{id}/matches", Matches).RequireApiKeyForReadsIfConfigured()
            .WithName("AlertMatches")
            .WithSummary("Matching articles in the order they were matched")
            .WithDescription("Pass the answer's 'next' as 'after' to get the matches after it; delivery is at-least-once across restarts.")
            .ProducesValidationProblem();
        group.MapGet("/{id}/stream", Stream).RequireApiKeyForReadsIfConfigured()
            .WithName("AlertStream")
            .WithSummary("Matches pushed live as Server-Sent Events")
            .WithDescription("Each event is one match (event: match, id: its cursor). Reconnecting with Last-Event-ID (or ?after=) "
                + "resumes after that match.")
            .ProducesValidationProblem();
        return group;
    }

    public static Created<AlertCreated> Create(AlertService alerts, AlertInput input)
    {
        var alert = alerts.Create(input.ToRequest());
        return TypedResults.Created($"/alerts/{alert.Id}", new AlertCreated(alert.Id));
    }

    public static Ok<List<AlertView>> List(AlertService alerts) =>
        TypedResults.Ok(alerts.List().Select(a => AlertView.From(a, alerts.Matches)).ToList());

    public static Results<NoContent, ProblemHttpResult> Delete(AlertService alerts, string id) =>
        alerts.Delete(id) ? TypedResults.NoContent() : NotFound(id);

    public static Results<Ok<AlertMatchesResponse>, ProblemHttpResult> Matches(
        AlertService alerts,
        string id,
        [Description("Cursor: the 'next' of a previous answer; the matches after it. Empty: from the first.")] string? after,
        [Description("Matches per answer, 1-1000 (default 100).")] int? size)
    {
        var from = AlertCursor.Decode("after", after);
        var limit = size ?? 100;
        if (limit is < 1 or > MaxPageSize)
        {
            throw new Search.Core.Querying.SearchRequestException("size", $"size must be between 1 and {MaxPageSize}; got {limit}.");
        }

        if (alerts.Find(id) is null)
        {
            return NotFound(id);
        }

        var page = alerts.Matches.Read(id, from, limit + 1);
        var kept = page.Take(limit).Select(AlertMatchView.From).ToList();
        var next = kept.Count > 0 ? kept[^1].Cursor : AlertCursor.Encode(from);
        return TypedResults.Ok(new AlertMatchesResponse(id, kept, next, page.Count > limit));
    }

    public static Results<ServerSentEventsResult<AlertMatchView>, ProblemHttpResult> Stream(
        AlertService alerts,
        HttpContext context,
        IHostApplicationLifetime lifetime,
        string id,
        [Description("Resume after this cursor (Last-Event-ID wins when both are given).")] string? after)
    {
        var lastEventId = context.Request.Headers["Last-Event-ID"].FirstOrDefault();
        var from = lastEventId is not null ? AlertCursor.Decode("Last-Event-ID", lastEventId) : AlertCursor.Decode("after", after);
        if (alerts.Find(id) is null)
        {
            return NotFound(id);
        }

        // Ends with the request or the server: an open stream must not hold up shutdown.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.Response.RegisterForDispose(stop);
        return TypedResults.ServerSentEvents(Follow(alerts, id, from, stop.Token));
    }

    private static async IAsyncEnumerable<SseItem<AlertMatchView>> Follow(AlertService alerts, string id, long after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // Taken before reading, so a match made durable between the read and the wait still wakes us.
            var changed = alerts.Matches.WaitForNewAsync(cancellationToken);
            var batch = alerts.Matches.Read(id, after, 100);
            foreach (var match in batch)
            {
                after = match.Cursor;
                yield return new SseItem<AlertMatchView>(AlertMatchView.From(match), "match") { EventId = AlertCursor.Encode(match.Cursor) };
            }

            if (batch.Count == 100)
            {
                continue;
            }

            if (alerts.Find(id) is null || !await WaitQuietly(changed))
            {
                yield break;
            }
        }
    }

    /// <summary>Waits for new matches; false when the stream is being closed.</summary>
    private static async Task<bool> WaitQuietly(Task changed)
    {
        try
        {
            await changed;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: 404, title: "Alert not found", detail: $"No saved alert has the id '{id}'.");
}
