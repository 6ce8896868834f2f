using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Querying.Facets;

/// <summary>
/// The speaker alias table of one reader (<see cref="SpeakerAliases"/>) in the facet counter's slot numbers, built when
/// the reader opens: each alias's slot with its canonical name's slot. Counting the speaker facet then folds aliases
/// by moving a few counts inside the tally (<see cref="FacetTally.Move"/>) and picks the top values as usual, instead
/// of decoding every value the matches carry (#22, #23). On one index every canonical name is a value of the reader,
/// since the table is built from the reader's own values.
/// </summary>
public sealed class SpeakerAliasSlots
{
    private readonly int[] _from;
    private readonly int[] _to;

    private SpeakerAliasSlots(int[] from, int[] to)
    {
        _from = from;
        _to = to;
    }

    /// <summary>No aliases.</summary>
    public static SpeakerAliasSlots Empty { get; } = new([], []);

    /// <summary>Aliases that fold into another value of this reader.</summary>
    public int Count => _from.Length;

    public static SpeakerAliasSlots Build(IndexReader reader, FacetOrdinals ordinals, SpeakerAliases aliases)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(ordinals);
        ArgumentNullException.ThrowIfNull(aliases);
        if (aliases.Count == 0)
        {
            return Empty;
        }

        var facet = FacetCounter.IndexOf(ArticleFields.SpeakerKey);
        var slotToGlobal = ordinals.SlotToGlobal(facet);
        var globalToSlot = new int[slotToGlobal.Length];
        for (var slot = 0; slot < slotToGlobal.Length; slot++)
        {
            globalToSlot[slotToGlobal[slot]] = slot;
        }

        // Global ordinals are the values' ranks in sorted order, whichever ordinal map numbers them.
        var values = MultiDocValues.GetSortedSetValues(reader, ArticleFields.SpeakerKey);
        var from = new List<int>(aliases.Count);
        var to = new List<int>(aliases.Count);
        foreach (var (alias, canonical) in aliases.Pairs)
        {
            var aliasOrd = values?.LookupTerm(new BytesRef(alias)) ?? -1;
            var canonicalOrd = values?.LookupTerm(new BytesRef(canonical)) ?? -1;
            if (aliasOrd >= 0 && canonicalOrd >= 0)
            {
                from.Add(globalToSlot[aliasOrd]);
                to.Add(globalToSlot[canonicalOrd]);
            }
        }

        return new SpeakerAliasSlots([.. from], [.. to]);
    }

    /// <summary>Folds every alias's count into its canonical name's slot.</summary>
    public void Fold(FacetTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        for (var i = 0; i < _from.Length; i++)
        {
            tally.Move(_from[i], _to[i]);
        }
    }
}
