namespace Search.Core.Alerts;

/// <summary>
/// A compiled alert as the matcher keeps it: its query plan, every vocabulary term it took (query terms and
/// pre-filter terms, once per take), which are released when the alert is removed, and the exact filter values
/// (<see cref="RequiredTerms.Key"/> keys) it is pre-filtered on.
/// </summary>
internal sealed record AlertPlan(CompiledAlert Alert, QueryPlan Query, IReadOnlyList<VocabularyTerm> Terms, IReadOnlyList<string> FilterValues);
