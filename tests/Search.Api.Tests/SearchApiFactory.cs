using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Search.Api.Tests;

/// <summary>
/// The real server on a temporary index built from the repository's sample articles (<c>seeds/</c>),
/// deleted on dispose. Shared by the tests of one class.
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:IndexPath", _indexPath);
        builder.UseSetting("Search:SeedsPath", SeedsPath);
        builder.UseEnvironment("Testing");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_indexPath))
        {
            Directory.Delete(_indexPath, recursive: true);
        }
    }
}
