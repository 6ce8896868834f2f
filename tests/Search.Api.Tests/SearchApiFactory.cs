using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Search.Shared;

namespace Search.Api.Tests;

/// <summary>
/// The real server on a temporary index built from the repository's sample articles (<c>seeds/</c>, or
/// <see cref="Seeds"/>), deleted on dispose. Shared by the tests of one class.
/// </summary>
public sealed class SearchApiFactory : WebApplicationFactory<Program>
{
    private readonly string _indexPath = Path.Combine(Path.GetTempPath(), "search-api-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The repository's seeds folder, found by walking up from the test binaries to Search.sln.</summary>
    public static string SeedsPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
                {
                    return Path.Combine(dir.FullName, "seeds");
                }
            }

            throw new InvalidOperationException("Search.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Shards of the test index (Search:Shards); 1 unless a test class asks for more.</summary>
    public int Shards { get; init; } = 1;

    /// <summary>Search:Cluster:Mode: None (no Orleans) unless a test class asks for shard grains on an in-process silo (Local).</summary>
    public string ClusterMode { get; init; } = "None";

    /// <summary>The write key the test server is configured with.</summary>
    public const string ApiKey = "test-key-0123456789";

    /// <summary>The folder the index is built from on first start (the indexer's path); the repository's seeds unless set.</summary>
    public string Seeds { get; init; } = SeedsPath;

    /// <summary>The temporary index folder.</summary>
    public string IndexPath => _indexPath;

    /// <summary>A client that sends the API key.</summary>
    public HttpClient CreateWriter()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:ApiKey", ApiKey);
        builder.UseSetting("Search:IndexPath", _indexPath);
        builder.UseSetting("Search:SeedsPath", Seeds);
        builder.UseSetting("Search:Shards", Shards.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Search:Cluster:Mode", ClusterMode);
        builder.UseSetting("Search:Cluster:ClusterId", "test-" + Guid.NewGuid().ToString("N")[..8]);
        builder.UseEnvironment("Testing");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            FolderCleanup.DeleteIndex(_indexPath);
        }
    }
}
