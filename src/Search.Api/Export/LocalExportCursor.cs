using System.Runtime.CompilerServices;
using Search.Core.Querying.Export;

namespace Search.Api.Export;

/// <summary>An export over one index: the <see cref="ExportSession"/> holds the reader current when it opened.</summary>
internal sealed class LocalExportCursor(ExportSession session) : IExportCursor
{
    public int Total => session.Total;

    public async IAsyncEnumerable<ExportRow> Rows(int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var row in session.Rows(limit, cancellationToken))
        {
            yield return row;
        }

        await Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        session.Dispose();
        return ValueTask.CompletedTask;
    }
}
