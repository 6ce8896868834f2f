using Lucene.Net.Search;

namespace Search.Core.Alerts;

/// <summary>
/// A saved alert ready to match: its query parsed as /search parses it, its filters as exact-value sets,
/// the pre-filter terms an article must hold one of to be worth running the query (null: always run it) and
/// the fields the query reads (only those are indexed for each article).
/// </summary>
internal sealed record CompiledAlert(
    SavedAlert Alert,
    Query Query,
    IReadOnlySet<string>? Outlets,
    IReadOnlySet<string>? Speakers,
    IReadOnlySet<string>? Sources,
    IReadOnlySet<string>? Prefilter,
    IReadOnlySet<string> Fields);
