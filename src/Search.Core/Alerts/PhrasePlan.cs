namespace Search.Core.Alerts;

/// <summary>
/// A PhraseQuery on one article's positions, as Lucene's phrase scorers decide it. Each word i, at phrase
/// position o(i), sits at some position p(i) of the article; put each at p(i) - o(i). Slop 0 (ExactPhraseScorer):
/// all of them at one point. Slop s (SloppyPhraseScorer): a choice of positions whose spread, largest minus
/// smallest, is at most s; the scorer walks every smallest window, so the phrase matches when the narrowest
/// window does. A sloppy phrase that repeats a word is scored by Lucene with its own rules for the repeats and
/// is left to it (null). A missing word settles it either way: false.
/// </summary>
internal sealed class PhrasePlan(VocabularyTerm[] words, int[] offsets, int slop) : QueryPlan
{
    private readonly bool _repeats = words.Distinct().Count() < words.Length;

    public override bool? Matches(ArticleTerms article)
    {
        foreach (var word in words)
        {
            if (!article.Holds(word))
            {
                return false;
            }
        }

        if (slop == 0)
        {
            return Exact(article);
        }

        return _repeats ? null : NarrowestWindow(article) <= slop;
    }

    private bool Exact(ArticleTerms article)
    {
        foreach (var first in article.Positions(words[0]))
        {
            var start = first - offsets[0];
            var all = true;
            for (var i = 1; i < words.Length && all; i++)
            {
                all = article.Positions(words[i]).BinarySearch(start + offsets[i]) >= 0;
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The smallest spread of one shifted position per word: the k-sorted-lists window walk.</summary>
    private long NarrowestWindow(ArticleTerms article)
    {
        Span<int> next = words.Length <= 64 ? stackalloc int[words.Length] : new int[words.Length];
        long best = long.MaxValue;
        while (true)
        {
            long low = long.MaxValue, high = long.MinValue;
            var lowest = 0;
            for (var i = 0; i < words.Length; i++)
            {
                long shifted = article.Positions(words[i])[next[i]] - offsets[i];
                if (shifted < low)
                {
                    low = shifted;
                    lowest = i;
                }

                high = Math.Max(high, shifted);
            }

            best = Math.Min(best, high - low);
            if (best <= slop || ++next[lowest] == article.Positions(words[lowest]).Length)
            {
                return best;
            }
        }
    }
}
