using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Querying;

/// <summary>
/// Rewrites a prefix or wildcard query exactly as Lucene's default (constant score; a boolean of terms when
/// few, a filter when many), after checking that it stands for at most <paramref name="maxExpansions"/>
/// distinct words. Past that it is refused with a <see cref="QuerySyntaxException"/> (a 400 asking for a
/// longer prefix) instead of visiting the postings of a large share of the dictionary. The count stops at
/// the limit, so refusing costs no more than accepting.
/// </summary>
internal sealed class BoundedExpansionRewrite(int maxExpansions) : MultiTermQuery.RewriteMethod
{
    public override Query Rewrite(IndexReader reader, MultiTermQuery query)
    {
        var seen = new HashSet<BytesRef>();
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(query.Field);
            if (terms is null)
            {
                continue;
            }

            var iterator = GetTermsEnum(query, terms, new AttributeSource());
            while (iterator.MoveNext())
            {
                if (seen.Add(BytesRef.DeepCopyOf(iterator.Term)) && seen.Count > _maxExpansions)
                {
                    throw new QuerySyntaxException(
                        $"'{query.ToString(query.Field)}' matches more than {_maxExpansions} different words; give a longer prefix.");
                }
            }
        }

        return MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT.Rewrite(reader, query);
    }

    /// <summary>Queries compare their rewrite methods: two parses of one text must be equal (caches key on them).</summary>
    public override bool Equals(object? obj) => obj is BoundedExpansionRewrite other && other._maxExpansions == _maxExpansions;

    public override int GetHashCode() => _maxExpansions;

    private readonly int _maxExpansions = maxExpansions;
}
