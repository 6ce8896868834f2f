using System.Net;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>Reads a text/event-stream response event by event (the subset the alert stream sends: id, event, data).</summary>
public sealed class SseReader : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseReader(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>One event: its id and the article id of the match it carries.</summary>
    public sealed record Event(string Id, string ArticleId);

    public static async Task<SseReader> OpenAsync(HttpClient client, string url, string? lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    public async Task<Event> NextAsync()
    {
        string? id = null, data = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0 && data is not null)
            {
                var articleId = JsonDocument.Parse(data).RootElement.GetProperty("id").GetString()!;
                return new Event(id ?? throw new InvalidOperationException("event without id"), articleId);
            }

            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
