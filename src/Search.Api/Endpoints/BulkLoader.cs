using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Search.Api.Infrastructure;
using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Api.Endpoints;

/// <summary>
/// POST /articles/bulk: reads newline-delimited JSON as it arrives (never the whole body), parses and extracts
/// each batch of lines on every core, stages them in input order, makes every <see cref="ApiOptions.BulkBatchSize"/> lines durable (one fsync) and only then writes
/// those lines' results, so a "created" in the response is durable. Lines over the size limit are skipped, not buffered.
/// </summary>
public static class BulkLoader
{
    public static async Task Load(
        HttpContext context,
        ArticleIngestor ingestor,
        ArticleIndex index,
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
        var pending = new List<BulkLineResult>(options.BulkBatchSize);
        var staged = new List<StagedWrite>(options.BulkBatchSize);
        long lastSequence = 0;

        async Task FlushAsync()
        {
            if (pending.Count == 0)
            {
                return;
            }

            if (lastSequence > 0)
            {
                try
                {
                    index.WaitDurable(lastSequence);
                }
                catch (IOException ex)
                {
                    // Not durable, so not acknowledged: every staged line of the batch says so, and the stream goes on.
                    for (var i = 0; i < pending.Count; i++)
                    {
                        if (pending[i].Error is null)
                        {
                            pending[i] = pending[i] with { Status = "error", Error = "Not stored: the write-ahead log could not be synced (" + ex.Message + ")." };
                        }
                    }
                }
            }

            ingestor.Acknowledge(staged);
            staged.Clear();

            var output = new StringBuilder();
            foreach (var result in pending)
            {
                output.Append(JsonSerializer.Serialize(result, json)).Append('\n');
            }

            await context.Response.WriteAsync(output.ToString(), cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            pending.Clear();
        }

        // Lines are gathered into batches; each batch is parsed and extracted on every core (extraction is
        // the costly part of ingest, ~10 ms of CPU per article), then staged one by one in input order, so
        // results come back in input order and a repeated id keeps its last version.
        var batch = new List<(int Number, Line Line)>(options.BulkBatchSize);
        void StageBatch()
        {
            var prepared = new Prepared[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                i => prepared[i] = Prepare(batch[i].Line, batch[i].Number));
            foreach (var item in prepared)
            {
                var result = item.Result ?? StageLine(ingestor, item, staged, ref lastSequence);
                pending.Add(result);
            }

            batch.Clear();
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
                StageBatch();
                await FlushAsync();
            }
        }

        StageBatch();
        await FlushAsync();
        if (wait)
        {
            index.Refresh();
        }
    }

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

    private static BulkLineResult StageLine(ArticleIngestor ingestor, Prepared item, List<StagedWrite> staged, ref long lastSequence)
    {
        try
        {
            var (article, outcome, written) = ingestor.Stage(item.Raw!, item.Article!);
            lastSequence = Math.Max(lastSequence, written);
            staged.Add(new StagedWrite(article, outcome, written));
            return new BulkLineResult(item.LineNumber, article.Id, outcome == IngestOutcome.Created ? "created" : "updated", null);
        }
        catch (ArticleWriteException ex)
        {
            return new BulkLineResult(item.LineNumber, item.Raw?.Id, "error", ex.Message);
        }
        catch (IOException ex)
        {
            // Disk full and the like: this line is not stored; lines before it in the batch still are, and are reported.
            return new BulkLineResult(item.LineNumber, item.Raw?.Id, "error", "Not stored: the write-ahead log could not be written (" + ex.Message + ").");
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
