using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Search.Core.Extraction;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// Parses what users type (Lucene classic syntax: terms, "phrases", "phrase"~slop, AND/OR/NOT/+/-,
/// grouping, field:value, prefix*) into a Lucene query over title and body. Rejects unknown fields and
/// leading wildcards with a <see cref="QuerySyntaxException"/> that says what is wrong and where.
/// <c>published:2022-02-04</c> and <c>published:[2022-02-01 TO 2022-02-28]</c> filter by day; either end may be
/// <c>*</c> (open). Ranges on any other field are refused: a range over words walks the whole term dictionary.
/// Prefix and wildcard patterns need <see cref="MinWildcardPrefix"/> literal characters before their first
/// wildcard and expand to at most <see cref="MaxExpansions"/> words (more is a 400 asking for a longer
/// prefix); fuzzy terms keep Lucene's 50 best expansions. So no query can make the parser or the searcher
/// enumerate an unbounded part of the index.
/// </summary>
/// <param name="analyzer">The analyzer of every field.</param>
/// <param name="maxPhraseSlop">Largest slop a phrase may ask for.</param>
/// <param name="defaultFields">Fields searched when the query names none, with boosts; default: title and body
/// (<see cref="ArticleFields.DefaultFieldBoosts"/>). Quote search passes the quote field.</param>
public sealed class UserQueryParser(Analyzer analyzer, int maxPhraseSlop = 50, IReadOnlyDictionary<string, float>? defaultFields = null)
{
    /// <summary>Literal characters a prefix or wildcard pattern needs before its first * or ?.</summary>
    public const int MinWildcardPrefix = 2;

    /// <summary>Most index words one prefix, wildcard or fuzzy term may stand for.</summary>
    public const int MaxExpansions = 4096;

    public Query Parse(string? text, DefaultOperator defaultOperator = DefaultOperator.And)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MatchAllDocsQuery();
        }

        var parser = new FieldCheckingParser(analyzer, maxPhraseSlop, defaultFields ?? ArticleFields.DefaultFieldBoosts)
        {
            DefaultOperator = defaultOperator == DefaultOperator.And ? Operator.AND : Operator.OR,
            AllowLeadingWildcard = false,
            // Phrases typed without quotes ("NATO expansion") are still scored as words, not phrases.
            AutoGeneratePhraseQueries = false,
        };

        try
        {
            return parser.Parse(text);
        }
        catch (ParseException ex)
        {
            throw Explain(text, ex);
        }
        catch (BooleanQuery.TooManyClausesException ex)
        {
            throw new QuerySyntaxException(
                $"The query expands to more than {BooleanQuery.MaxClauseCount} clauses; use fewer terms or a longer prefix.", null, ex);
        }
    }

    private static QuerySyntaxException Explain(string text, ParseException ex)
    {
        var column = ex.CurrentToken?.Next is { } next ? next.BeginColumn : (int?)null;
        var hint = Hint(text);
        var message = ex.Message;
        var cut = message.IndexOf("Was expecting", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        message = message.Replace('\n', ' ').Replace("  ", " ", StringComparison.Ordinal).Trim();
        return new QuerySyntaxException(hint is null ? message : $"{hint} {message}", column, ex);
    }

    /// <summary>Plain-language hints for the mistakes people actually make.</summary>
    private static string? Hint(string text)
    {
        if (text.Count(c => c == '"') % 2 == 1)
        {
            return $"Unbalanced quotation mark at column {text.LastIndexOf('"') + 1}: close the phrase with another \".";
        }

        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0)
            {
                return $"Unbalanced parenthesis: ')' at column {i + 1} closes nothing.";
            }
        }

        return depth > 0 ? $"Unbalanced parenthesis: {depth} '(' not closed." : null;
    }

    /// <summary>Classic parser over title and body that knows which fields exist.</summary>
    private sealed class FieldCheckingParser(Analyzer analyzer, int maxPhraseSlop, IReadOnlyDictionary<string, float> defaultFields)
        : MultiFieldQueryParser(
            LuceneSettings.Version,
            [.. defaultFields.Keys],
            analyzer,
            defaultFields.ToDictionary(kv => kv.Key, kv => kv.Value))
    {
        protected override Query GetFieldQuery(string field, string queryText, bool quoted)
        {
            CheckField(field);
            if (field == ArticleFields.Published)
            {
                return DayRange(queryText, queryText, true, true);
            }

            return base.GetFieldQuery(field, queryText, quoted);
        }

        protected override Query GetFieldQuery(string field, string queryText, int slop)
        {
            CheckField(field);
            if (slop > maxPhraseSlop)
            {
                throw new ParseException($"Phrase slop {slop} is too large; the limit is {maxPhraseSlop}.");
            }

            return base.GetFieldQuery(field, queryText, slop);
        }

        /// <summary>The parser passes null for an open end (<c>*</c>).</summary>
        protected override Query GetRangeQuery(string field, string? part1, string? part2, bool startInclusive, bool endInclusive)
        {
            CheckField(field);
            return field == ArticleFields.Published
                ? DayRange(part1, part2, startInclusive, endInclusive)
                : throw new ParseException(
                    $"Ranges ([a TO b]) work only on {ArticleFields.Published}; '{field ?? "the default fields"}' holds words, not ordered values.");
        }

        protected override Query GetPrefixQuery(string field, string termStr)
        {
            CheckField(field);
            var query = base.GetPrefixQuery(field, termStr);
            CheckPattern(termStr + "*");
            return Bounded(query);
        }

        protected override Query GetWildcardQuery(string field, string termStr)
        {
            CheckField(field);
            // The base refuses a leading wildcard first, with its own message.
            var query = base.GetWildcardQuery(field, termStr);
            CheckPattern(termStr);
            return Bounded(query);
        }

        /// <summary>A pattern must start with a few literal characters, or it stands for most of the dictionary.</summary>
        private static void CheckPattern(string pattern)
        {
            var literal = pattern.IndexOfAny(['*', '?']);
            if (literal >= 0 && literal < MinWildcardPrefix)
            {
                throw new ParseException(
                    $"The pattern '{pattern}' is too broad: give at least {MinWildcardPrefix} letters before the first * or ?.");
            }
        }

        /// <summary>
        /// Constant-score rewrite (what Lucene does by default, so scores are unchanged), but refused past
        /// <see cref="MaxExpansions"/> words instead of becoming a filter over every one of them.
        /// </summary>
        private static Query Bounded(Query query)
        {
            if (query is MultiTermQuery multiTerm)
            {
                multiTerm.MultiTermRewriteMethod = new BoundedExpansionRewrite(MaxExpansions);
            }

            return query;
        }

        protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity)
        {
            CheckField(field);
            // Lucene supports at most 2 edits (term~2); a fraction below 1 is the old similarity form.
            if (minSimilarity > 2)
            {
                throw new ParseException($"Fuzzy edit distance {minSimilarity} is too large; use term~1 or term~2.");
            }

            return base.GetFuzzyQuery(field, termStr, minSimilarity);
        }

        /// <summary>Regular expressions can scan the whole term dictionary; they are refused, not slow.</summary>
        protected override Query GetRegexpQuery(string field, string termStr) =>
            throw new ParseException("Regular expressions (/…/) are not supported; use a prefix (term*) or a wildcard (te?m).");

        /// <summary>Null is the parser's "no field named": it expands to the default fields.</summary>
        private static void CheckField(string? field)
        {
            if (field is not null && !ArticleFields.Queryable.Contains(field))
            {
                throw new ParseException(
                    $"Unknown field '{field}'. Fields you can search: {string.Join(", ", ArticleFields.Queryable.Order(StringComparer.Ordinal))}.");
            }
        }

        private static NumericRangeQuery<int> DayRange(string? from, string? to, bool startInclusive, bool endInclusive)
        {
            int? Parse(string? value) => value is null or "*" ? null
                : PublishedDateExtractor.TryParse(value, out var day) ? day.DayNumber
                : throw new ParseException($"'{value}' is not a date; write published:yyyy-MM-dd or published:[yyyy-MM-dd TO yyyy-MM-dd].");

            return NumericRangeQuery.NewInt32Range(ArticleFields.PublishedDays, Parse(from), Parse(to), startInclusive, endInclusive);
        }
    }
}
