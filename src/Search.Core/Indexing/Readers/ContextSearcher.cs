using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Indexing.Readers;

/// <summary>An <see cref="IndexSearcher"/> that carries its reader's <see cref="ReaderContext"/>.</summary>
public sealed class ContextSearcher(IndexReader reader, ReaderContext context) : IndexSearcher(reader)
{
    public ReaderContext Context { get; } = context;
}
