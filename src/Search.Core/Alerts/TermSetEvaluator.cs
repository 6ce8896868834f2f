using Lucene.Net.Search;

namespace Search.Core.Alerts;

/// <summary>
/// Decides a saved query against one article's set of indexed terms where that alone settles it, so most
/// candidates never run through Lucene's searcher (a weight, a scorer and a collector each, on the MemoryIndex:
/// tens of microseconds, times every candidate of every article). Three-valued: true or false when the terms
/// decide; null when positions or ranges are needed, and then the caller runs the query. A term query is its
/// term's presence; a phrase is false when one of its terms is missing (otherwise unknown); a boolean query
/// combines its clauses as Lucene does (every MUST, no MUST_NOT, and at least the minimum of SHOULD clauses, one
/// when nothing is required). Kleene logic keeps it exact: false AND unknown is false, true OR unknown is true.
/// </summary>
internal static class TermSetEvaluator
{
    /// <param name="query">The parsed saved query.</param>
    /// <param name="fields">Fields present in the article's index: a term of another field is left to Lucene.</param>
    /// <param name="terms">The article's indexed terms as <see cref="RequiredTerms.Key"/> keys.</param>
    public static bool? Evaluate(Query query, IReadOnlySet<string> fields, IReadOnlySet<string> terms) => query switch
    {
        TermQuery term => fields.Contains(term.Term.Field) ? terms.Contains(RequiredTerms.Key(term.Term.Field, term.Term.Text)) : null,
        PhraseQuery phrase => Phrase(phrase, fields, terms),
        ConstantScoreQuery { Query: { } inner } => Evaluate(inner, fields, terms),
        DisjunctionMaxQuery max => Any(max.Disjuncts.Select(q => Evaluate(q, fields, terms))),
        BooleanQuery boolean => Boolean(boolean, fields, terms),
        _ => null,
    };

    private static bool? Phrase(PhraseQuery phrase, IReadOnlySet<string> fields, IReadOnlySet<string> terms)
    {
        var words = phrase.GetTerms();
        if (words.Length == 0 || words.Any(t => !fields.Contains(t.Field)))
        {
            return null;
        }

        return words.All(t => terms.Contains(RequiredTerms.Key(t.Field, t.Text))) ? null : false;
    }

    private static bool? Boolean(BooleanQuery boolean, IReadOnlySet<string> fields, IReadOnlySet<string> terms)
    {
        var clauses = boolean.Clauses;
        var required = clauses.Where(c => c.Occur == Occur.MUST).ToList();
        var optional = clauses.Where(c => c.Occur == Occur.SHOULD).ToList();
        if (required.Count == 0 && optional.Count == 0)
        {
            return null; // Only prohibited clauses: left to Lucene, which matches nothing here.
        }

        var result = All(required.Select(c => Evaluate(c.Query, fields, terms)));
        if (result == false)
        {
            return false;
        }

        foreach (var prohibited in clauses.Where(c => c.Occur == Occur.MUST_NOT))
        {
            var present = Evaluate(prohibited.Query, fields, terms);
            if (present == true)
            {
                return false;
            }

            result = present is null ? null : result;
        }

        var minimum = boolean.MinimumNumberShouldMatch > 0 ? boolean.MinimumNumberShouldMatch : required.Count == 0 ? 1 : 0;
        if (minimum == 0)
        {
            return result;
        }

        int yes = 0, unknown = 0;
        foreach (var clause in optional)
        {
            switch (Evaluate(clause.Query, fields, terms))
            {
                case true:
                    yes++;
                    break;
                case null:
                    unknown++;
                    break;
            }
        }

        if (yes + unknown < minimum)
        {
            return false;
        }

        return yes >= minimum ? result : null;
    }

    private static bool? All(IEnumerable<bool?> values)
    {
        bool? result = true;
        foreach (var value in values)
        {
            if (value == false)
            {
                return false;
            }

            result = value is null ? null : result;
        }

        return result;
    }

    private static bool? Any(IEnumerable<bool?> values)
    {
        bool? result = false;
        foreach (var value in values)
        {
            if (value == true)
            {
                return true;
            }

            result = value is null ? null : result;
        }

        return result;
    }
}
