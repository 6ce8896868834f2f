using System.Globalization;
using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Core.Engine;

/// <summary>
/// An index split into shards: one <see cref="ArticleIndex"/> (with its own write log) per shard, ids routed by
/// <see cref="ShardRouter"/>. With one shard the index is the folder itself, exactly the single-index layout, so
/// existing indexes open unchanged; with N &gt; 1 the shards are <c>shard-00</c> … under it, and a
/// <c>shard-count</c> file records N so the index is never reopened with another count (which would route ids
/// to shards that do not hold them).
/// </summary>
public sealed class ShardedArticleIndex : IDisposable
{
    /// <summary>The file under the index folder that records the shard count of a sharded index.</summary>
    public const string ShardCountFile = "shard-count";

    private readonly ArticleIndex[] _shards;

    /// <param name="indexPath">Index folder; created when missing.</param>
    /// <param name="shards">Number of shards; must match the count the index was created with.</param>
    /// <param name="writeAheadLog">Keep a write-ahead log per shard (off for one-shot builds).</param>
    public ShardedArticleIndex(string indexPath, int shards, bool writeAheadLog = true)
    {
        Router = new ShardRouter(shards);
        Path = System.IO.Path.GetFullPath(indexPath);
        CheckShardCount(Path, shards);
        _shards = new ArticleIndex[shards];
        try
        {
            for (var i = 0; i < shards; i++)
            {
                _shards[i] = new ArticleIndex(ShardPath(Path, i, shards), writeAheadLog);
            }
        }
        catch
        {
            foreach (var opened in _shards.Where(s => s is not null))
            {
                opened.Dispose();
            }

            throw;
        }
    }

    /// <summary>One index as a sharded index of one shard: its folder is the index folder (it is disposed with this).</summary>
    public ShardedArticleIndex(ArticleIndex index)
    {
        Router = new ShardRouter(1);
        Path = index.Path;
        _shards = [index];
    }

    /// <summary>Full path of the index folder.</summary>
    public string Path { get; }

    public ShardRouter Router { get; }

    /// <summary>The shards, in shard order.</summary>
    public IReadOnlyList<ArticleIndex> Shards => _shards;

    /// <summary>Folder of shard <paramref name="shard"/>: the index folder itself when there is one shard.</summary>
    public static string ShardPath(string indexPath, int shard, int shards) =>
        shards == 1 ? indexPath : System.IO.Path.Combine(indexPath, "shard-" + shard.ToString("00", CultureInfo.InvariantCulture));

    /// <summary>
    /// Checks that the index at <paramref name="path"/> was created with <paramref name="shards"/> shards, and
    /// records the count in a new one: a shard grain opening its own shard calls it first.
    /// </summary>
    public static void CheckShardCount(string path, int shards)
    {
        var file = System.IO.Path.Combine(path, ShardCountFile);
        if (File.Exists(file))
        {
            var recorded = int.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture);
            if (recorded != shards)
            {
                throw new InvalidOperationException($"The index at {path} was created with {recorded} shards, not {shards}; set Search:Shards to {recorded}.");
            }

            return;
        }

        if (shards == 1)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(path);
        if (System.IO.Directory.EnumerateFiles(path, "segments*").Any())
        {
            throw new InvalidOperationException($"The index at {path} was created with 1 shard, not {shards}; set Search:Shards to 1.");
        }

        File.WriteAllText(file, shards.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Adds or replaces the article on the shard that owns its id.</summary>
    public ShardWrite Upsert(Article article)
    {
        var shard = Router.ShardOf(article.Id);
        return new ShardWrite(shard, _shards[shard].Upsert(article));
    }

    /// <summary>Removes the article with this id from the shard that owns it.</summary>
    public ShardWrite Delete(string id)
    {
        var shard = Router.ShardOf(id);
        return new ShardWrite(shard, _shards[shard].Delete(id));
    }

    /// <summary>Returns once the write survives a crash (its shard's group fsync).</summary>
    public void WaitDurable(ShardWrite write) => _shards[write.Shard].WaitDurable(write.Sequence);

    /// <summary>Bulk load (see <see cref="ArticleIndex.AddAll"/>), each shard given its own articles, in input order.</summary>
    public int AddAll(IReadOnlyList<Article> articles, int threads, CancellationToken cancellationToken)
    {
        if (_shards.Length == 1)
        {
            return _shards[0].AddAll(articles, threads, cancellationToken);
        }

        var perShard = new List<Article>[_shards.Length];
        for (var i = 0; i < perShard.Length; i++)
        {
            perShard[i] = [];
        }

        foreach (var article in articles)
        {
            perShard[Router.ShardOf(article.Id)].Add(article);
        }

        var written = 0;
        for (var i = 0; i < _shards.Length; i++)
        {
            written += _shards[i].AddAll(perShard[i], threads, cancellationToken);
        }

        return written;
    }

    public void Commit() => Each(s => s.Commit());

    public void Refresh() => Each(s => s.Refresh());

    public void WaitForMerges() => Each(s => s.WaitForMerges());

    public void CommitIfDirty() => Each(s => s.CommitIfDirty());

    public void MaybeRefresh() => Each(s => s.MaybeRefresh());

    /// <summary>Copies each shard's last commit into <c>{targetFolder}</c> (one shard) or its <c>shard-NN</c> folder.</summary>
    public int Backup(string targetFolder, CancellationToken cancellationToken)
    {
        var files = 0;
        for (var i = 0; i < _shards.Length; i++)
        {
            files += _shards[i].Backup(ShardPath(targetFolder, i, _shards.Length), cancellationToken);
        }

        if (_shards.Length > 1)
        {
            File.WriteAllText(System.IO.Path.Combine(targetFolder, ShardCountFile), _shards.Length.ToString(CultureInfo.InvariantCulture));
        }

        return files;
    }

    /// <summary>Live articles over every shard.</summary>
    public int Count => _shards.Sum(s => s.Count);

    private void Each(Action<ArticleIndex> action)
    {
        foreach (var shard in _shards)
        {
            action(shard);
        }
    }

    public void Dispose() => Each(s => s.Dispose());
}
