namespace Search.Core.Engine;

/// <summary>
/// The words a fuzzy term (<c>word~N</c>) of the query expands to: in the dfs phase, what one shard's rewrite chose
/// with their similarity boosts; in the query the coordinator sends back, the index-wide choice every shard keeps to.
/// </summary>
/// <param name="Field">The field of the fuzzy term.</param>
/// <param name="Text">The word as written.</param>
/// <param name="MaxEdits">Its edit distance.</param>
/// <param name="PrefixLength">How many leading characters must match exactly.</param>
/// <param name="Terms">The words it expands to.</param>
/// <param name="Boosts">Each word's similarity boost, parallel to <paramref name="Terms"/> (a shard's answer only).</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record FuzzyTerms(string Field, string Text, int MaxEdits, int PrefixLength, IReadOnlyList<string> Terms, IReadOnlyList<float>? Boosts = null)
{
    /// <summary>Which fuzzy term of the query this is.</summary>
    public (string, string, int, int) Key => (Field, Text, MaxEdits, PrefixLength);
}
