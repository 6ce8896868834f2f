namespace Search.Bench.Queries;

/// <summary>The kinds of query the benchmark times, each a typical request of the search page.</summary>
public enum QueryClass
{
    SingleTerm,
    TwoTermAnd,
    ExactPhrase,
    SloppyPhrase,
    TermWithOutletFilter,
    PhraseWithFacets,
    SortByDate,
    DeepPage,
}
