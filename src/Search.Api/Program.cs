using Search.Api.Backend;
using Search.Api.Cluster;
using Search.Api.Endpoints;
using Search.Api.Hosting;
using Search.Api.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSearchCore();
builder.Services.AddSearchApi();
builder.AddSearchCluster();

var app = builder.Build();
app.UseSearchErrorHandling();
app.UseApiKeyCheck();
app.UseSearchPage();
app.MapSearchDocs();
app.MapSearchEndpoints();
app.MapExportEndpoints();
app.MapQuoteEndpoints();
app.MapArticleEndpoints();
app.MapSuggestionEndpoints();
app.MapIngestEndpoints();
app.MapAlertEndpoints();
app.MapAdminEndpoints();
app.MapHealthEndpoints();
app.AnnounceAddressOnStart();
try
{
    app.Run();
}
catch (Exception ex) when (ex is Microsoft.Extensions.Options.OptionsValidationException or Search.Core.Indexing.IndexLockedException or IOException)
{
    // A bad setting, a second server on the same index, an unreadable folder: one clear line, not a stack dump.
    Console.Error.WriteLine($"Search.Api could not start: {ex.Message}");
    Environment.ExitCode = 1;
}

/// <summary>Entry point; public so WebApplicationFactory can start the server in tests.</summary>
public partial class Program;
