using Search.Core.Indexing;

namespace Search.Core.Querying.Stories;

/// <summary>
/// Keeps the first article of each story in a ranked list: an article whose story signature is as close to an
/// article kept before it as two copies of one story are (<see cref="StoryFingerprint.SameStoryThreshold"/>) is left
/// out. It reads the list alone, never the index, so the same list gives the same answer on any layout. Trending
/// terms use it so that an agency story republished by twenty outlets counts once (#25), as Elasticsearch's
/// <c>filter_duplicate_text</c> does.
/// </summary>
public static class StoryDeduplication
{
    /// <summary>
    /// The items of <paramref name="ranked"/> that are the first of their story, in order. Candidates are found by
    /// the signature's bands (<see cref="StoryFingerprint.BandKey"/>) and confirmed by the signatures' similarity;
    /// an item without a signature (a short body) is always kept.
    /// </summary>
    public static List<T> FirstOfEachStory<T>(IReadOnlyList<T> ranked, Func<T, uint[]?> signatureOf)
    {
        var kept = new List<T>(ranked.Count);
        var keptSignatures = new List<uint[]>();
        var byBand = new Dictionary<(int Band, ulong Key), List<int>>();
        foreach (var item in ranked)
        {
            if (signatureOf(item) is not { Length: StoryFingerprint.HashCount } signature)
            {
                kept.Add(item);
                continue;
            }

            if (IsCopy(signature, keptSignatures, byBand))
            {
                continue;
            }

            var index = keptSignatures.Count;
            keptSignatures.Add(signature);
            for (var band = 0; band < StoryFingerprint.BandCount; band++)
            {
                var key = (band, StoryFingerprint.BandKey(signature, band));
                if (!byBand.TryGetValue(key, out var members))
                {
                    byBand[key] = members = [];
                }

                members.Add(index);
            }

            kept.Add(item);
        }

        return kept;
    }

    private static bool IsCopy(uint[] signature, List<uint[]> kept, Dictionary<(int Band, ulong Key), List<int>> byBand)
    {
        for (var band = 0; band < StoryFingerprint.BandCount; band++)
        {
            if (!byBand.TryGetValue((band, StoryFingerprint.BandKey(signature, band)), out var members))
            {
                continue;
            }

            foreach (var member in members)
            {
                if (StoryFingerprint.Similarity(signature, kept[member]) >= StoryFingerprint.SameStoryThreshold)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
