using System.ComponentModel;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Security;
using Search.Core.Alerts;

namespace Search.Api.Endpoints;

/// <summary>/alerts: saved searches, their matches as pages and as a live Server-Sent Events stream.</summary>
public static class AlertEndpoints
{
    private const int MaxPageSize = 1_000;
    private static readonly TimeSpan StreamWait = TimeSpan.FromSeconds(5);

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

    public static async Task<Created<AlertCreated>> Create(IAlertBook alerts, AlertInput input)
    {
        var alert = await alerts.CreateAsync(input.ToRequest());
        return TypedResults.Created($"/alerts/{alert.Id}", new AlertCreated(alert.Id));
    }

    public static async Task<Ok<List<AlertView>>> List(IAlertBook alerts) =>
        TypedResults.Ok((await alerts.ListAsync()).Select(AlertView.From).ToList());

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(IAlertBook alerts, string id) =>
        await alerts.DeleteAsync(id) ? TypedResults.NoContent() : NotFound(id);

    public static async Task<Results<Ok<AlertMatchesResponse>, ProblemHttpResult>> Matches(
        IAlertBook alerts,
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

        if (await alerts.FindAsync(id) is null)
        {
            return NotFound(id);
        }

        var page = (await alerts.ReadAsync(id, from, limit + 1)).Matches;
        var kept = page.Take(limit).Select(AlertMatchView.From).ToList();
        var next = kept.Count > 0 ? kept[^1].Cursor : AlertCursor.Encode(from);
        return TypedResults.Ok(new AlertMatchesResponse(id, kept, next, page.Count > limit));
    }

    public static async Task<Results<ServerSentEventsResult<AlertMatchView>, ProblemHttpResult>> Stream(
        IAlertBook alerts,
        HttpContext context,
        IHostApplicationLifetime lifetime,
        string id,
        [Description("Resume after this cursor (Last-Event-ID wins when both are given).")] string? after)
    {
        var lastEventId = context.Request.Headers["Last-Event-ID"].FirstOrDefault();
        var from = lastEventId is not null ? AlertCursor.Decode("Last-Event-ID", lastEventId) : AlertCursor.Decode("after", after);
        if (await alerts.FindAsync(id) is null)
        {
            return NotFound(id);
        }

        // Ends with the request or the server: an open stream must not hold up shutdown.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.Response.RegisterForDispose(stop);
        return TypedResults.ServerSentEvents(Follow(alerts, id, from, stop.Token));
    }

    private static async IAsyncEnumerable<SseItem<AlertMatchView>> Follow(IAlertBook alerts, string id, long after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await alerts.ReadAsync(id, after, 100);
            foreach (var match in page.Matches)
            {
                after = match.Cursor;
                yield return new SseItem<AlertMatchView>(AlertMatchView.From(match), "match") { EventId = AlertCursor.Encode(match.Cursor) };
            }

            if (page.Matches.Count == 100)
            {
                continue;
            }

            // Any match made durable after the read has a cursor beyond page.Newest. The wait is short so a cluster's
            // alert grain is not held by an idle stream, and a deleted alert ends its streams.
            if (await alerts.FindAsync(id) is null || !await WaitQuietly(alerts.WaitBeyondAsync(page.Newest, StreamWait).WaitAsync(cancellationToken)))
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
