using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Search.Core;
using Search.Core.Indexing;
using Search.Shared;

namespace Search.Browser.Tests;

/// <summary>
/// The real API on real Kestrel (a browser cannot talk to the in-memory TestServer), listening on a
/// free loopback port and serving an index built from <see cref="TestArticles"/> in a temp folder.
/// </summary>
public sealed class SearchPageServer : WebApplicationFactory<Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "search-browser-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public SearchPageServer()
    {
        BuildIndex(IndexPath);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        BaseAddress = new Uri(addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address."));
    }

    /// <summary>The write key the server is configured with (the alerts panel needs it to save searches).</summary>
    public const string ApiKey = "browser-test-key";

    /// <summary>Where the server listens, e.g. http://127.0.0.1:43123.</summary>
    public Uri BaseAddress { get; }

    private string IndexPath => Path.Combine(_root, "index");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Search:ApiKey", ApiKey);
        builder.ConfigureTestServices(services => services.PostConfigure<SearchOptions>(options =>
        {
            options.IndexPath = IndexPath;
            options.SeedsPath = "";
        }));
    }

    private static void BuildIndex(string path)
    {
        using var index = new ArticleIndex(path);
        foreach (var article in TestArticles.All)
        {
            index.Upsert(article);
        }

        index.Commit();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        FolderCleanup.Delete(_root);
    }
}
