using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Search.Api.Backend;
using Search.Api.Hosting;
using Search.Core.Articles;
using Search.Core.Engine;
using Search.Core.Indexing;

namespace Search.Api.Endpoints;

/// <summary>
/// POST /articles/bulk: reads newline-delimited JSON as it arrives (never the whole body), parses and extracts
/// each batch of lines on every core, stores them in input order through the <see cref="ISearchBackend"/>, makes every
/// <see cref="ApiOptions.BulkBatchSize"/> lines durable (one fsync per shard) and only then writes
/// those lines' results, so a "created" in the response is durable. Lines over the size limit are skipped, not buffered.
/// </summary>
public static class BulkLoader
{
    public static async Task Load(
        HttpContext context,
        ISearchBackend backend,
        IOptions<ApiOptions> apiOptions,
        IOptions<JsonOptions> jsonOptions,
        string? refresh,
        CancellationToken cancellationToken)
    {
        var wait = IngestEndpoints.IsWait(refresh);
        var options = apiOptions.Value;
        // Streamed bodies have no total size limit; each line has one.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = null;
        }

        var json = jsonOptions.Value.SerializerOptions;
        context.Response.ContentType = "application/x-ndjson";

        // Lines are gathered into batches; each batch is parsed and extracted on every core (extraction is
        // the costly part of ingest, ~10 ms of CPU per article), then stored in input order (a repeated id keeps
        // its last version) and made durable at once (one fsync per shard) before its results are written, so a
        // "created" in the response is durable.
        var batch = new List<(int Number, Line Line)>(options.BulkBatchSize);
        async Task StoreBatchAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var prepared = new Prepared[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                i => prepared[i] = Prepare(batch[i].Line, batch[i].Number));
            batch.Clear();
            var writes = prepared.Where(item => item.Result is null).ToList();
            var stored = await backend.WriteBatchAsync([.. writes.Select(item => new ShardWriteItem(item.Article!, item.Raw!.Speakers is not null))]);
            var output = new StringBuilder();
            var next = 0;
            foreach (var item in prepared)
            {
                var result = item.Result ?? ToLineResult(item, stored[next++]);
                output.Append(JsonSerializer.Serialize(result, json)).Append('\n');
            }

            await context.Response.WriteAsync(output.ToString(), cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }

        var lineNumber = 0;
        await foreach (var line in ReadLines(context.Request.BodyReader, options.MaxBulkLineBytes, cancellationToken))
        {
            lineNumber++;
            if (line.Text is null || !string.IsNullOrWhiteSpace(line.Text))
            {
                batch.Add((lineNumber, line));
            }

            if (batch.Count >= options.BulkBatchSize)
            {
                await StoreBatchAsync();
            }
        }

        await StoreBatchAsync();
        if (wait)
        {
            await backend.RefreshAsync();
        }
    }

    private static BulkLineResult ToLineResult(Prepared item, ShardWriteResult stored) => stored.Outcome switch
    {
        IngestOutcome.Created => new BulkLineResult(item.LineNumber, item.Article!.Id, "created", null),
        IngestOutcome.Updated => new BulkLineResult(item.LineNumber, item.Article!.Id, "updated", null),
        _ => new BulkLineResult(item.LineNumber, item.Raw?.Id, "error", stored.Error),
    };

    /// <summary>A line parsed and extracted (or its error), ready to stage in input order.</summary>
    private sealed record Prepared(int LineNumber, RawArticle? Raw, Article? Article, BulkLineResult? Result);

    /// <summary>Parses and extracts one line; safe on any thread (it touches no index state).</summary>
    private static Prepared Prepare(Line line, int lineNumber)
    {
        if (line.Text is null)
        {
            return new Prepared(lineNumber, null, null, new BulkLineResult(lineNumber, null, "error", line.Error));
        }

        string? id = null;
        try
        {
            var record = ArticleRecordReader.Read(line.Text);
            id = record.Id;
            var raw = record.ToRawArticle();
            id = raw.Id;
            return new Prepared(lineNumber, raw, ArticleIngestor.Extract(raw), null);
        }
        catch (ArticleWriteException ex)
        {
            return new Prepared(lineNumber, null, null, new BulkLineResult(lineNumber, id, "error", ex.Message));
        }
    }

    private readonly record struct Line(string? Text, string? Error);

    /// <summary>Lines of the body as UTF-8 text; an over-long or non-UTF-8 line comes back as an error.</summary>
    private static async IAsyncEnumerable<Line> ReadLines(PipeReader reader, int maxLineBytes,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var skipping = false;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            while (true)
            {
                var newline = buffer.PositionOf((byte)'\n');
                if (newline is null)
                {
                    break;
                }

                var lineBytes = buffer.Slice(0, newline.Value);
                buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
                if (skipping)
                {
                    skipping = false;
                    yield return new Line(null, $"The line is longer than {maxLineBytes} bytes.");
                    continue;
                }

                yield return Decode(utf8, lineBytes, maxLineBytes);
            }

            if (buffer.Length > maxLineBytes)
            {
                // Drop what we have of an over-long line and keep skipping to its end.
                skipping = true;
                buffer = buffer.Slice(buffer.End);
            }

            if (read.IsCompleted)
            {
                if (skipping)
                {
                    yield return new Line(null, $"The line is longer than {maxLineBytes} bytes.");
                }
                else if (buffer.Length > 0)
                {
                    yield return Decode(utf8, buffer, maxLineBytes);
                }

                reader.AdvanceTo(buffer.End);
                break;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static Line Decode(UTF8Encoding utf8, ReadOnlySequence<byte> bytes, int maxLineBytes)
    {
        if (bytes.Length > maxLineBytes)
        {
            return new Line(null, $"The line is longer than {maxLineBytes} bytes.");
        }

        try
        {
            return new Line(utf8.GetString(bytes).TrimEnd('\r'), null);
        }
        catch (DecoderFallbackException)
        {
            return new Line(null, "The line is not valid UTF-8.");
        }
    }
}
