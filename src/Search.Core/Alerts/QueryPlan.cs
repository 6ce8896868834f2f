namespace Search.Core.Alerts;

/// <summary>
/// A saved query compiled for deciding one article on its analysed terms (<see cref="ArticleTerms"/>) instead
/// of a MemoryIndex search (a weight, a scorer and a collector per query, tens of microseconds, times every
/// candidate of every article). Three-valued: true or false where the plan decides exactly as Lucene's search
/// of the one-document index would; null for the query shapes it does not model (prefix, wildcard, fuzzy,
/// multi-phrase, a sloppy phrase repeating a word), which the caller then runs through Lucene.
/// Built by <see cref="QueryPlanner"/>.
/// </summary>
internal abstract class QueryPlan
{
    public abstract bool? Matches(ArticleTerms article);

    /// <summary>Match-all (an empty q: the filters decide), or a shape Lucene matches nothing with.</summary>
    public sealed class Constant(bool value) : QueryPlan
    {
        public override bool? Matches(ArticleTerms article) => value;
    }

    /// <summary>Left to Lucene.</summary>
    public sealed class Unknown : QueryPlan
    {
        public override bool? Matches(ArticleTerms article) => null;
    }

    public sealed class Term(VocabularyTerm term) : QueryPlan
    {
        public override bool? Matches(ArticleTerms article) => article.Holds(term);
    }

    /// <summary>A day range on published_days; both ends already made inclusive.</summary>
    public sealed class DayRange(int from, int to) : QueryPlan
    {
        public override bool? Matches(ArticleTerms article) => article.Published is { } day && day >= from && day <= to;
    }

    /// <summary>DisjunctionMaxQuery: any disjunct (true wins over unknown; none at all matches nothing).</summary>
    public sealed class Any(QueryPlan[] parts) : QueryPlan
    {
        public override bool? Matches(ArticleTerms article)
        {
            bool? result = false;
            foreach (var part in parts)
            {
                switch (part.Matches(article))
                {
                    case true:
                        return true;
                    case null:
                        result = null;
                        break;
                }
            }

            return result;
        }
    }

    /// <summary>
    /// BooleanQuery as Lucene matches it: every MUST, no MUST_NOT, and at least <c>minimum</c> SHOULD clauses
    /// (at least one when nothing is required). No MUST and no SHOULD clause matches nothing. Kleene logic keeps
    /// unknown parts honest: false AND unknown is false, true OR unknown is true.
    /// </summary>
    public sealed class Boolean(QueryPlan[] must, QueryPlan[] should, QueryPlan[] mustNot, int minimumShould)
        : QueryPlan
    {
        public override bool? Matches(ArticleTerms article)
        {
            if (must.Length == 0 && should.Length == 0)
            {
                return false;
            }

            bool? result = true;
            foreach (var part in must)
            {
                var value = part.Matches(article);
                if (value == false)
                {
                    return false;
                }

                result = value is null ? null : result;
            }

            foreach (var part in mustNot)
            {
                var value = part.Matches(article);
                if (value == true)
                {
                    return false;
                }

                result = value is null ? null : result;
            }

            var minimum = minimumShould > 0 ? minimumShould : must.Length == 0 ? 1 : 0;
            if (minimum == 0)
            {
                return result;
            }

            int yes = 0, unknown = 0;
            foreach (var part in should)
            {
                switch (part.Matches(article))
                {
                    case true:
                        yes++;
                        break;
                    case null:
                        unknown++;
                        break;
                }
            }

            return yes + unknown < minimum ? false : yes >= minimum ? result : null;
        }
    }
}
