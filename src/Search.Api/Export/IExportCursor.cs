using Search.Core.Querying.Export;

namespace Search.Api.Export;

/// <summary>An open export (GET /export): how many articles match, and the rows in order. Dispose it to release its reader.</summary>
public interface IExportCursor : IAsyncDisposable
{
    /// <summary>Articles matching every filter when the export opened.</summary>
    int Total { get; }

    /// <summary>The rows in the request's order (ties by id), at most <paramref name="limit"/>; stops when the token fires.</summary>
    IAsyncEnumerable<ExportRow> Rows(int limit, CancellationToken cancellationToken);
}
