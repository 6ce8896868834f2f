using Search.Api.Backend;
using Search.Core;
using Search.Core.Engine;
using Search.Core.Indexing;

namespace Search.Api.Cluster;

/// <summary>
/// On a silo's start, when the data root holds no sharded index yet: lays out the shards and builds them from the
/// seeds (<see cref="ShardedIndexBootstrap"/>), then closes them for the grains to open. Grains are activated only
/// by requests, which come after every hosted service has started. The cluster script starts the first silo alone,
/// so two silos never build at once.
/// </summary>
public sealed class ShardLayoutBootstrap(SearchOptions options, ILogger<ShardLayoutBootstrap> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(options.IndexPath);
        if (!File.Exists(Path.Combine(root, ShardedArticleIndex.ShardCountFile)) && !IndexBuilder.IndexExists(root))
        {
            ShardedIndexBootstrap.OpenOrBuild(options, logger).Dispose();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
