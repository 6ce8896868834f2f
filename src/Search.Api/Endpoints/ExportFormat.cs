namespace Search.Api.Endpoints;

/// <summary>Values of GET /export's format parameter.</summary>
public enum ExportFormat
{
    Csv,
    Ndjson,
}
