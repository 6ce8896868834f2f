using Search.Api.Cluster;
using Search.Api.Endpoints;
using Search.Api.Infrastructure;

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
app.MapQuoteEndpoints();
app.MapArticleEndpoints();
app.MapSuggestionEndpoints();
app.MapIngestEndpoints();
app.MapAlertEndpoints();
app.MapAdminEndpoints();
app.MapHealthEndpoints();
app.AnnounceAddressOnStart();
app.Run();

/// <summary>Entry point; public so WebApplicationFactory can start the server in tests.</summary>
public partial class Program;
