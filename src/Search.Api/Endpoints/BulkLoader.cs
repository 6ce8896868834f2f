using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Search.Api.Infrastructure;
using Search.Core.Indexing;

namespace Search.Api.Endpoints;

/// <summary>
/// POST /articles/bulk: reads newline-delimited JSON as it arrives (never the whole body), stages each
/// line, makes every <see cref="ApiOptions.BulkBatchSize"/> lines durable (one fsync) and only then writes
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
                index.WaitDurable(lastSequence);
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

        var lineNumber = 0;
        await foreach (var line in ReadLines(context.Request.BodyReader, options.MaxBulkLineBytes, cancellationToken))
        {
            lineNumber++;
            if (line.Text is null)
            {
                pending.Add(new BulkLineResult(lineNumber, null, "error", line.Error));
            }
            else if (!string.IsNullOrWhiteSpace(line.Text))
            {
                var result = StageLine(ingestor, line.Text, lineNumber, json, staged, out var sequence);
                lastSequence = Math.Max(lastSequence, sequence);
                pending.Add(result);
            }

            if (pending.Count >= options.BulkBatchSize)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        if (wait)
        {
            index.Refresh();
        }
    }

    private static BulkLineResult StageLine(ArticleIngestor ingestor, string text, int lineNumber, JsonSerializerOptions json,
        List<StagedWrite> staged, out long sequence)
    {
        sequence = 0;
        string? id = null;
        try
        {
            var input = JsonSerializer.Deserialize<ArticleInput>(text, json);
            if (input is null)
            {
                return new BulkLineResult(lineNumber, null, "error", "The line is JSON null, not an article object.");
            }

            var raw = input.ToRawArticle();
            id = raw.Id;
            var (article, outcome, written) = ingestor.Stage(raw);
            sequence = written;
            staged.Add(new StagedWrite(article, outcome, written));
            return new BulkLineResult(lineNumber, article.Id, outcome == IngestOutcome.Created ? "created" : "updated", null);
        }
        catch (JsonException ex)
        {
            return new BulkLineResult(lineNumber, id, "error", "Not a JSON article object: " + ex.Message);
        }
        catch (ArticleWriteException ex)
        {
            return new BulkLineResult(lineNumber, id, "error", ex.Message);
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
