using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Querying.Facets;
using Search.Core.Querying.Stories;
using Search.Core.Querying.Suggestions;

namespace Search.Core.Indexing.Readers;

/// <summary>
/// The <see cref="SearcherFactory"/> of <see cref="ArticleIndex"/>: gives every searcher BM25 and builds its
/// <see cref="ReaderContext"/>. <see cref="SearcherManager"/> calls it when it opens the first reader and on
/// each refresh (serialised, on the refreshing thread: the server's background refresh), so requests always
/// find the context ready. Work that depends on one segment only (titles, story signatures, facet ordinals) is kept per
/// segment core and reused by later readers, so a refresh after one write reads just the new segment.
/// </summary>
public sealed class ReaderContextFactory : SearcherFactory
{
    private readonly ConditionalWeakTable<object, SegmentState> _segments = [];

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        var segments = reader.Leaves.Select(leaf => _segments.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new SegmentState(leaf.AtomicReader))).ToList();
        var context = new ReaderContext(reader,
            FacetOrdinals.Build(reader, [.. segments.Select(s => s.Facets)]),
            StoryGroups.Build(reader, segments.Select(s => s.Story).ToList()),
            CompletionCatalog.BuildEntries(reader, segments.Select(s => s.Titles).ToList()),
            ReadSpeakerAliases(reader));
        return new ContextSearcher(reader, context) { Similarity = LuceneSettings.CreateSimilarity() };
    }

    /// <summary>
    /// The corpus-wide speaker aliases from every speaker value and the live articles naming it (deleted ones are
    /// skipped, so a layout's merge history cannot change the table).
    /// </summary>
    private static SpeakerAliases ReadSpeakerAliases(IndexReader reader) => SpeakerAliases.Build(SpeakerValues(reader));

    /// <summary>Every speaker value of the reader with its live article count.</summary>
    public static List<(string Name, int Count)> SpeakerValues(IndexReader reader)
    {
        var values = new List<(string Name, int Count)>();
        var terms = MultiFields.GetTerms(reader, ArticleFields.SpeakerKey);
        if (terms is null)
        {
            return values;
        }

        var live = MultiFields.GetLiveDocs(reader);
        var iterator = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (iterator.MoveNext())
        {
            var count = iterator.DocFreq;
            if (live is not null)
            {
                count = 0;
                docs = iterator.Docs(live, docs, DocsFlags.NONE);
                while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    count++;
                }
            }

            if (count > 0)
            {
                values.Add((iterator.Term.Utf8ToString(), count));
            }
        }

        return values;
    }

    /// <summary>What one segment contributes, read once per segment core (deleted documents included).</summary>
    private sealed class SegmentState(AtomicReader reader)
    {
        public string?[] Titles { get; } = CompletionCatalog.ReadTitles(reader);

        public StorySegment Story { get; } = StorySegment.Read(reader);

        public SegmentFacetOrdinals Facets { get; } = SegmentFacetOrdinals.Read(reader);
    }
}
