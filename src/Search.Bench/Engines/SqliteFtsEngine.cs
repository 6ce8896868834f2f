using System.Globalization;
using Microsoft.Data.Sqlite;
using Search.Bench.Queries;
using Search.Core.Articles;

namespace Search.Bench.Engines;

/// <summary>
/// The baseline: SQLite FTS5 (tokenize='porter unicode61') over an external-content table, so the text is
/// stored once as in Lucene. WAL mode, all inserts in one transaction. Ranked by bm25() with the title
/// weighted 2 and the body 1, as our default fields are boosted; facets by GROUP BY over the same matches.
/// </summary>
public sealed class SqliteFtsEngine(string databasePath) : ISearchEngine
{
    public string Name => "SQLite FTS5";

    public long Build(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        File.Delete(databasePath);
        File.Delete(databasePath + "-wal");
        File.Delete(databasePath + "-shm");

        using (var connection = Open(readOnly: false))
        {
            Execute(connection, """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                CREATE TABLE articles(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, url TEXT, outlet TEXT,
                    title TEXT, body TEXT NOT NULL, published TEXT, month TEXT);
                CREATE TABLE speakers(rowid INTEGER NOT NULL, value TEXT NOT NULL);
                CREATE TABLE sources(rowid INTEGER NOT NULL, value TEXT NOT NULL);
                CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rowid',
                    tokenize='porter unicode61');
                """);
            using (var transaction = connection.BeginTransaction())
            {
                using var insertRow = connection.CreateCommand();
                insertRow.Transaction = transaction;
                insertRow.CommandText = """
                    INSERT INTO articles(rowid, id, url, outlet, title, body, published, month)
                    VALUES ($rowid, $id, $url, $outlet, $title, $body, $published, $month)
                    """;
                using var insertText = connection.CreateCommand();
                insertText.Transaction = transaction;
                insertText.CommandText = "INSERT INTO articles_fts(rowid, title, body) VALUES ($rowid, $title, $body)";
                using var insertSpeaker = connection.CreateCommand();
                insertSpeaker.Transaction = transaction;
                insertSpeaker.CommandText = "INSERT INTO speakers(rowid, value) VALUES ($rowid, $value)";
                using var insertSource = connection.CreateCommand();
                insertSource.Transaction = transaction;
                insertSource.CommandText = "INSERT INTO sources(rowid, value) VALUES ($rowid, $value)";
                var rowid = 0L;
                foreach (var article in articles)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    rowid++;
                    var published = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    Bind(insertRow, ("$rowid", rowid), ("$id", article.Id), ("$url", article.Url), ("$outlet", article.Outlet),
                        ("$title", article.Title), ("$body", article.Body), ("$published", published), ("$month", published?[..7]));
                    insertRow.ExecuteNonQuery();
                    Bind(insertText, ("$rowid", rowid), ("$title", article.Title ?? ""), ("$body", article.Body));
                    insertText.ExecuteNonQuery();
                    foreach (var (command, values) in new[] { (insertSpeaker, article.Speakers), (insertSource, article.Sources) })
                    {
                        foreach (var value in values.Distinct(StringComparer.Ordinal))
                        {
                            Bind(command, ("$rowid", rowid), ("$value", value));
                            command.ExecuteNonQuery();
                        }
                    }
                }

                transaction.Commit();
            }

            // ORDER BY rank then uses these weights, and FTS5 sorts internally so LIMIT stops early and
            // snippet() runs only for the rows returned.
            // The multi-valued facets are counted by joining the matches' rowids to these (speakers, sources).
            Execute(connection, """
                CREATE INDEX speakers_rowid ON speakers(rowid, value);
                CREATE INDEX sources_rowid ON sources(rowid, value);
                INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
                PRAGMA wal_checkpoint(TRUNCATE);
                """);
        }

        SqliteConnection.ClearAllPools();
        return FileSize(databasePath) + FileSize(databasePath + "-wal");
    }

    public IQuerySession OpenSession() => new Session(Open(readOnly: true));

    public int CountMatches(string word)
    {
        using var session = new Session(Open(readOnly: true));
        return session.Count(new BenchQuery(QueryClass.SingleTerm, [word], false, 0, null, 1));
    }

    /// <summary>Rows in the articles table (0 when there is no database).</summary>
    public int CountAll()
    {
        if (!File.Exists(databasePath))
        {
            return 0;
        }

        using var connection = Open(readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM articles";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public string ExplainRankedPage()
    {
        using var connection = Open(readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + Session.RankedPageSql("");
        Bind(command, ("$q", "\"news\""), ("$limit", 10), ("$offset", 0));
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join(" | ", lines);
    }

    public void Dispose() => SqliteConnection.ClearAllPools();

    private static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private SqliteConnection Open(bool readOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        // Readers get a memory-mapped file and a 64 MB page cache: Lucene reads its files memory-mapped too.
        Execute(connection, "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            var parameter = command.Parameters.Contains(name) ? command.Parameters[name] : command.Parameters.Add(new SqliteParameter { ParameterName = name });
            parameter.Value = value ?? DBNull.Value;
        }
    }

    /// <summary>One read-only connection with its statements prepared once and reused.</summary>
    private sealed class Session : IQuerySession
    {
        private const string Hit = "a.id, a.title, a.url, a.outlet, a.published, snippet(articles_fts, 1, '<mark>', '</mark>', '…', 40)";
        private const string From = "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH $q";
        private const string ByDate = "a.published IS NULL, a.published DESC, a.id";

        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public Session(SqliteConnection connection) => _connection = connection;

        public static string RankedPageSql(string filter) =>
            $"SELECT {Hit} {From} {filter} ORDER BY articles_fts.rank LIMIT $limit OFFSET $offset";

        public QueryOutcome Run(BenchQuery query)
        {
            var filter = query.Outlet is null ? "" : "AND a.outlet = $outlet";
            // Sorting by date needs every match's date; snippets are made only for the page's rows.
            var pageSql = query.SortByDate
                ? $"SELECT {Hit} {From} AND articles_fts.rowid IN (SELECT a.rowid {From} {filter} ORDER BY {ByDate} LIMIT $limit OFFSET $offset) ORDER BY {ByDate}"
                : RankedPageSql(filter);
            var page = Command(pageSql, query);
            var ids = new List<string>(BenchQuery.PageSize);
            using (var reader = page.ExecuteReader())
            {
                while (reader.Read())
                {
                    ids.Add(reader.GetString(0));
                    _ = reader.IsDBNull(1) ? null : reader.GetString(1);
                    _ = reader.IsDBNull(5) ? null : reader.GetString(5);
                }
            }

            // The four facets /search counts by default, on every class. One pass over the matches gives the total
            // and outlet and month; speakers and sources join the matches to their tables. Top 20 of each, like ours.
            // Multi-select as ours: the outlet facet ignores the outlet filter, the total and the other facets keep it.
            var outlets = new Dictionary<string, int>(StringComparer.Ordinal);
            var months = new Dictionary<string, int>(StringComparer.Ordinal);
            var total = 0;
            using (var reader = Command($"SELECT a.outlet, a.month, count(*) {From} GROUP BY a.outlet, a.month", query).ExecuteReader())
            {
                while (reader.Read())
                {
                    var count = reader.GetInt32(2);
                    var outlet = reader.IsDBNull(0) ? null : reader.GetString(0);
                    Add(outlets, outlet, count);
                    if (query.Outlet is null || query.Outlet == outlet)
                    {
                        total += count;
                        Add(months, reader.IsDBNull(1) ? null : reader.GetString(1), count);
                    }
                }
            }

            var facetValues = Top(outlets).Count + Top(months).Count;
            foreach (var table in new[] { "speakers", "sources" })
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                var sql = query.Outlet is null
                    ? $"SELECT t.value, count(*) FROM articles_fts JOIN {table} t ON t.rowid = articles_fts.rowid WHERE articles_fts MATCH $q GROUP BY t.value"
                    : $"SELECT t.value, count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid JOIN {table} t ON t.rowid = articles_fts.rowid WHERE articles_fts MATCH $q {filter} GROUP BY t.value";
                using var reader = Command(sql, query).ExecuteReader();
                while (reader.Read())
                {
                    Add(counts, reader.GetString(0), reader.GetInt32(1));
                }

                facetValues += Top(counts).Count;
            }

            return new QueryOutcome(ids, total, facetValues);
        }

        public int Count(BenchQuery query)
        {
            var sql = query.Outlet is null
                ? "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH $q"
                : $"SELECT count(*) {From} AND a.outlet = $outlet";
            return Convert.ToInt32(Command(sql, query).ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }

        private SqliteCommand Command(string sql, BenchQuery query)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                _commands[sql] = command;
            }

            var offset = (query.Page - 1) * BenchQuery.PageSize;
            foreach (var (name, value) in new (string, object?)[] { ("$q", query.ToFts5()), ("$outlet", query.Outlet), ("$limit", BenchQuery.PageSize), ("$offset", offset) })
            {
                if (sql.Contains(name, StringComparison.Ordinal))
                {
                    Bind(command, (name, value));
                }
            }

            return command;
        }

        private static void Add(Dictionary<string, int> counts, string? value, int count)
        {
            if (value is not null)
            {
                counts[value] = counts.GetValueOrDefault(value) + count;
            }
        }

        private static List<KeyValuePair<string, int>> Top(Dictionary<string, int> counts) =>
            [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(20)];
    }
}
