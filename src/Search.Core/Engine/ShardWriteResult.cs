using Search.Core.Indexing;

namespace Search.Core.Engine;

/// <summary>What became of one <see cref="ShardWriteItem"/>: durable (created or updated), or an error.</summary>
/// <param name="Outcome">Created or updated; null on error.</param>
/// <param name="ErrorField">The field at fault for a rejected article (<see cref="Articles.ArticleWriteException"/>).</param>
/// <param name="Error">Why the article is not stored; null when it is durable.</param>
/// <param name="StorageFailed">The error is the disk's (not the article's): a 5xx, not a 4xx.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ShardWriteResult(IngestOutcome? Outcome, string? ErrorField = null, string? Error = null, bool StorageFailed = false)
{
    /// <summary>The exception a failed write is: the disk's (<see cref="IOException"/>) or the article's (<see cref="Articles.ArticleWriteException"/>).</summary>
    public Exception ToException() => StorageFailed
        ? new IOException(Error)
        : new Articles.ArticleWriteException(ErrorField ?? "article", Error ?? "The article was not stored.");
}
