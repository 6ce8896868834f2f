using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Search.Core.Articles;

namespace Search.Bench.Relevance;

/// <summary>
/// The baseline: SQLite FTS5 with the porter tokenizer, ranked by bm25() with title weighted 2 and body 1
/// (as ours), the query's words OR-ed (FTS5's default AND would return nothing for most long queries).
/// </summary>
public sealed partial class Fts5Ranker(string databasePath) : IRanker
{
    private SqliteConnection? _connection;

    public string Name => "SQLite FTS5 bm25()";

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public void Build(IReadOnlyList<Article> documents)
    {
        File.Delete(databasePath);
        _connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        _connection.Open();
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='porter unicode61');";
            create.ExecuteNonQuery();
        }

        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO docs(id, title, body) VALUES ($id, $title, $body)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        foreach (var document in documents)
        {
            id.Value = document.Id;
            title.Value = document.Title ?? "";
            body.Value = document.Body;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public IReadOnlyList<string> Rank(string queryText, int depth)
    {
        var words = Word().Matches(queryText).Select(m => "\"" + m.Value + "\"").Distinct().ToList();
        if (words.Count == 0)
        {
            return [];
        }

        using var command = _connection!.CreateCommand();
        command.CommandText = "SELECT id FROM docs WHERE docs MATCH $q ORDER BY bm25(docs, 0.0, 2.0, 1.0) LIMIT $n";
        command.Parameters.AddWithValue("$q", string.Join(" OR ", words));
        command.Parameters.AddWithValue("$n", depth);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public void Dispose()
    {
        _connection?.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(databasePath);
    }
}
