namespace Search.Bench.Queries;

/// <summary>
/// One benchmark query, written once as words and rendered for each engine: Lucene classic syntax for
/// ours, an FTS5 MATCH expression for SQLite.
/// </summary>
/// <param name="Class">What kind of request it is.</param>
/// <param name="Words">Lower-case ASCII words (both tokenizers split and stem them the same way).</param>
/// <param name="Phrase">Words form a phrase (exact when <paramref name="Slop"/> is 0).</param>
/// <param name="Slop">Lucene phrase slop; FTS5 gets NEAR(…, slop), which is unordered.</param>
/// <param name="Outlet">Exact outlet filter, when the class filters.</param>
/// <param name="Page">1-based page of 10 hits.</param>
public sealed record BenchQuery(QueryClass Class, IReadOnlyList<string> Words, bool Phrase, int Slop, string? Outlet, int Page)
{
    public const int PageSize = 10;

    public bool SortByDate => Class == QueryClass.SortByDate;

    public string ToLucene()
    {
        var words = string.Join(' ', Words);
        return !Phrase ? words : Slop == 0 ? $"\"{words}\"" : $"\"{words}\"~{Slop}";
    }

    public string ToFts5()
    {
        var quoted = Words.Select(w => $"\"{w}\"");
        return !Phrase ? string.Join(" AND ", quoted)
            : Slop == 0 ? $"\"{string.Join(' ', Words)}\""
            : $"NEAR({string.Join(' ', quoted)}, {Slop})";
    }

    public override string ToString() => Outlet is null ? ToLucene() : $"{ToLucene()} [outlet={Outlet}]";
}
