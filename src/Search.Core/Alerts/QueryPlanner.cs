using Lucene.Net.Search;
using Search.Core.Indexing;

namespace Search.Core.Alerts;

/// <summary>
/// Compiles a parsed saved query into a <see cref="QueryPlan"/>, taking each of its terms from the
/// <see cref="AlertVocabulary"/> (the caller releases <see cref="Terms"/> when the alert goes). Shapes without a
/// plan (prefix, wildcard, fuzzy, multi-phrase, filters, terms of a field the matcher does not analyse) become
/// <see cref="QueryPlan.Unknown"/>, and Lucene decides them on the MemoryIndex.
/// </summary>
internal sealed class QueryPlanner(AlertVocabulary vocabulary)
{
    /// <summary>Every vocabulary term taken so far, once per <see cref="AlertVocabulary.Acquire"/>.</summary>
    public List<VocabularyTerm> Terms { get; } = [];

    public QueryPlan Plan(Query query)
    {
        switch (query)
        {
            case MatchAllDocsQuery:
                return new QueryPlan.Constant(true);
            case TermQuery term:
                return ArticleTerms.AnalysedFields.Contains(term.Term.Field) ? new QueryPlan.Term(Take(term.Term)) : new QueryPlan.Unknown();
            case PhraseQuery phrase:
                return PlanPhrase(phrase);
            case NumericRangeQuery<int> range when range.Field == ArticleFields.PublishedDays:
                return PlanRange(range);
            case ConstantScoreQuery { Query: { } inner }:
                return Plan(inner);
            case DisjunctionMaxQuery max:
                return new QueryPlan.Any([.. max.Disjuncts.Select(Plan)]);
            case BooleanQuery boolean:
                return new QueryPlan.Boolean(
                    PlanClauses(boolean, Occur.MUST),
                    PlanClauses(boolean, Occur.SHOULD),
                    PlanClauses(boolean, Occur.MUST_NOT),
                    boolean.MinimumNumberShouldMatch);
            default:
                return new QueryPlan.Unknown();
        }
    }

    private QueryPlan[] PlanClauses(BooleanQuery boolean, Occur occur) =>
        [.. boolean.Clauses.Where(c => c.Occur == occur).Select(c => Plan(c.Query))];

    private QueryPlan PlanPhrase(PhraseQuery phrase)
    {
        var words = phrase.GetTerms();
        if (words.Length == 0)
        {
            return new QueryPlan.Constant(false); // Lucene rewrites an empty phrase to an empty boolean query.
        }

        if (words.Any(w => !ArticleTerms.AnalysedFields.Contains(w.Field)))
        {
            return new QueryPlan.Unknown();
        }

        return new PhrasePlan([.. words.Select(Take)], phrase.GetPositions(), phrase.Slop);
    }

    /// <summary>Both ends made inclusive; an exclusive end at the edge of int leaves an empty range, as in Lucene.</summary>
    private static QueryPlan PlanRange(NumericRangeQuery<int> range)
    {
        long from = range.Min ?? int.MinValue, to = range.Max ?? int.MaxValue;
        if (range.Min is not null && !range.IncludesMin)
        {
            from++;
        }

        if (range.Max is not null && !range.IncludesMax)
        {
            to--;
        }

        return from > to ? new QueryPlan.Constant(false) : new QueryPlan.DayRange((int)from, (int)to);
    }

    private VocabularyTerm Take(Lucene.Net.Index.Term term)
    {
        var taken = vocabulary.Acquire(term.Field, term.Text);
        Terms.Add(taken);
        return taken;
    }
}
