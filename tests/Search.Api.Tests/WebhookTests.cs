using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>Webhooks: a match is POSTed to an allow-listed host, and a failed delivery is retried until it succeeds.</summary>
public sealed class WebhookTests : IDisposable
{
    private readonly SearchApiFactory _factory = new();
    private readonly HttpListener _receiver = new();
    private readonly List<JsonElement> _received = [];
    private int _requests;

    public WebhookTests()
    {
        Port = FreePort();
        _receiver.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _receiver.Start();
        _ = Task.Run(ReceiveAsync);
    }

    private int Port { get; }

    [Fact]
    public async Task MatchIsPostedToTheWebhookAndAFailedAttemptIsRetried()
    {
        using var server = _factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Search:Alerts:WebhookHosts:0", "127.0.0.1");
            builder.UseSetting("Search:Alerts:WebhookRetryDelayMs", "20");
        });
        using var writer = server.CreateClient();
        writer.DefaultRequestHeaders.Add("X-Api-Key", SearchApiFactory.ApiKey);

        var refused = await writer.PostAsJsonAsync(new Uri("/alerts", UriKind.Relative), new { q = "comet", webhook = "http://example.com/hook" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var saved = await writer.PostAsJsonAsync(new Uri("/alerts", UriKind.Relative),
            new { q = "comet", name = "Comets", webhook = $"http://127.0.0.1:{Port}/hook" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var alertId = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var written = await writer.PostAsJsonAsync(new Uri("/articles", UriKind.Relative),
            new { id = "comet-1", text = "Comet Returns\n\nA bright comet will be visible this week." });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);

        for (var i = 0; i < 300 && Received().Count == 0; i++)
        {
            await Task.Delay(100);
        }

        var delivery = Assert.Single(Received());
        Assert.Equal(alertId, delivery.GetProperty("alertId").GetString());
        Assert.Equal("comet-1", delivery.GetProperty("match").GetProperty("id").GetString());
        // The first attempt was answered 503, so the delivery above came from a retry.
        Assert.True(Volatile.Read(ref _requests) >= 2);
    }

    private List<JsonElement> Received()
    {
        lock (_received)
        {
            return [.. _received];
        }
    }

    private async Task ReceiveAsync()
    {
        while (_receiver.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _receiver.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            if (Interlocked.Increment(ref _requests) == 1)
            {
                context.Response.StatusCode = 503;
            }
            else
            {
                var body = await JsonDocument.ParseAsync(context.Request.InputStream);
                lock (_received)
                {
                    _received.Add(body.RootElement.Clone());
                }

                context.Response.StatusCode = 204;
            }

            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _receiver.Close();
        _factory.Dispose();
    }
}
