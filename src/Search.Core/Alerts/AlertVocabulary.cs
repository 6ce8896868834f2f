namespace Search.Core.Alerts;

/// <summary>
/// Every (field, term) the saved queries read, so an article is analysed once and only its tokens that some
/// query reads are kept (with their positions), looked up by the token's characters without making a string.
/// Terms are reference-counted: a term leaves when the last alert holding it is deleted, and its slot is reused.
/// Not thread-safe for writes: <see cref="AlertMatcher"/> changes it under its write lock and reads it under its
/// read lock.
/// </summary>
internal sealed class AlertVocabulary
{
    private readonly Dictionary<string, Dictionary<string, VocabularyTerm>> _byField = new(StringComparer.Ordinal);
    private readonly Stack<int> _freeSlots = new();
    private int _nextSlot;

    /// <summary>One more than the largest slot handed out: the size of a table indexed by slot.</summary>
    public int SlotCount => _nextSlot;

    /// <summary>The term of this field and text, added if new; each call is one reference, undone by <see cref="Release"/>.</summary>
    public VocabularyTerm Acquire(string field, string text)
    {
        if (!_byField.TryGetValue(field, out var terms))
        {
            _byField[field] = terms = new Dictionary<string, VocabularyTerm>(StringComparer.Ordinal);
        }

        if (!terms.TryGetValue(text, out var term))
        {
            terms[text] = term = new VocabularyTerm(field, text, _freeSlots.Count > 0 ? _freeSlots.Pop() : _nextSlot++);
        }

        term.References++;
        return term;
    }

    public void Release(VocabularyTerm term)
    {
        if (--term.References > 0)
        {
            return;
        }

        var terms = _byField[term.Field];
        terms.Remove(term.Text);
        if (terms.Count == 0)
        {
            _byField.Remove(term.Field);
        }

        _freeSlots.Push(term.Slot);
    }

    /// <summary>The terms of one field, looked up by characters (null when no query reads the field).</summary>
    public Dictionary<string, VocabularyTerm>.AlternateLookup<ReadOnlySpan<char>>? Field(string field) =>
        _byField.TryGetValue(field, out var terms) ? terms.GetAlternateLookup<ReadOnlySpan<char>>() : null;
}
