using Lucene.Net.Index;
using Search.Core.Querying.Facets;
using Search.Core.Querying.Stories;
using Search.Core.Querying.Suggestions;

namespace Search.Core.Indexing.Readers;

/// <summary>
/// Everything derived from one index reader that searches reuse: the facet ordinal maps, the story groups,
/// the autocomplete entries and the speaker aliases. Built once by <see cref="ReaderContextFactory"/>
/// when the <see cref="Lucene.Net.Search.SearcherManager"/> opens the reader (on the refresh, never on a
/// user's request) and dropped with the reader. Immutable, so every request on the reader shares it.
/// </summary>
public sealed class ReaderContext
{
    internal ReaderContext(IndexReader reader, FacetOrdinals facets, StoryGroups stories,
        IReadOnlyList<CompletionEntry> completions, SpeakerAliases speakerAliases)
    {
        Reader = reader;
        Version = reader is DirectoryReader directory ? directory.Version : -1;
        Facets = facets;
        Stories = stories;
        Completions = completions;
        SpeakerAliases = speakerAliases;
        SpeakerAliasSlots = SpeakerAliasSlots.Build(reader, facets, speakerAliases);
    }

    /// <summary>The top-level reader this context describes.</summary>
    public IndexReader Reader { get; }

    /// <summary>The reader's index version: a newer reader has a larger one (-1 when unknown).</summary>
    public long Version { get; }

    /// <summary>Global ordinals of each facet field (null per field when the reader has one segment).</summary>
    public FacetOrdinals Facets { get; }

    /// <summary>Which live articles are copies of one story.</summary>
    public StoryGroups Stories { get; }

    /// <summary>Autocomplete entries (titles, speakers, outlets) with their article counts.</summary>
    public IReadOnlyList<CompletionEntry> Completions { get; }

    /// <summary>
    /// The corpus-wide speaker aliases ("Obama" → "Barack Obama"), from every speaker value and its live article count:
    /// applied when counting, filtering and presenting speakers, never at ingest (#22).
    /// </summary>
    public SpeakerAliases SpeakerAliases { get; }

    /// <summary><see cref="SpeakerAliases"/> in the speaker facet's counting slots: how the facet folds aliases without decoding values.</summary>
    public SpeakerAliasSlots SpeakerAliasSlots { get; }
}
