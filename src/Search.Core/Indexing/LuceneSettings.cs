using Lucene.Net.Util;

namespace Search.Core.Indexing;

/// <summary>
/// The one place the Lucene version is named, so the library can be upgraded before the index format.
/// </summary>
public static class LuceneSettings
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
}
