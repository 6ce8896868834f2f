using Search.Core.Articles;

namespace Search.Core.Indexing;

/// <summary>A write <see cref="ArticleIngestor.Stage(Search.Core.Articles.RawArticle)"/> made, not yet acknowledged.</summary>
public sealed record StagedWrite(Article Article, IngestOutcome Outcome, long Sequence);
