namespace Search.Core.Alerts;

/// <summary>
/// One (field, term) that some saved query reads, with a small number (<see cref="Slot"/>) that an article's
/// positions are kept under, and the alerts whose pre-filter it is (an article holding it is their candidate).
/// Owned by <see cref="AlertVocabulary"/>; changed only under the matcher's write lock.
/// </summary>
internal sealed class VocabularyTerm(string field, string text, int slot)
{
    public string Field { get; } = field;

    public string Text { get; } = text;

    public int Slot { get; } = slot;

    /// <summary>How many compiled alerts hold this term (in their query or as their pre-filter).</summary>
    public int References { get; set; }

    /// <summary>The alerts an article holding this term must be checked against.</summary>
    public List<AlertPlan> Prefiltered { get; } = [];
}
