using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Search.Api.Backend;

namespace Search.Api.Cluster;

/// <summary>
/// Makes this process an Orleans silo when <c>Search:Cluster:Mode</c> is Local or Redis: the shards become grains
/// (<see cref="ShardGrain"/>) and the coordinator reaches them through <see cref="OrleansShardDirectory"/>. With the
/// default (None) nothing of Orleans starts. Every silo runs the whole API (it is its own client), so any one of
/// them answers searches and writes.
/// </summary>
public static class ClusterHostingExtensions
{
    public static WebApplicationBuilder AddSearchCluster(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(SearchClusterOptions.SectionName).Get<SearchClusterOptions>() ?? new SearchClusterOptions();
        builder.Services.AddSingleton(cluster);
        if (cluster.Mode == ClusterMode.None)
        {
            return builder;
        }

        var siloPort = cluster.SiloPort > 0 ? cluster.SiloPort : FreePort();
        var gatewayPort = cluster.GatewayPort > 0 ? cluster.GatewayPort : FreePort();
        builder.UseOrleans(silo =>
        {
            if (cluster.Mode == ClusterMode.Local)
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: cluster.ClusterId, clusterId: cluster.ClusterId);
            }
            else
            {
                silo.UseRedisClustering(cluster.Redis);
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = cluster.ClusterId;
                    options.ServiceId = cluster.ClusterId;
                });
                silo.Configure<EndpointOptions>(options =>
                {
                    options.AdvertisedIPAddress = IPAddress.Loopback;
                    options.SiloPort = siloPort;
                    options.GatewayPort = gatewayPort;
                });
            }

            silo.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(cluster.ProbeTimeoutSeconds);
                options.NumMissedProbesLimit = 2;
                options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(Math.Max(2, cluster.ProbeTimeoutSeconds));
                options.TableRefreshTimeout = TimeSpan.FromSeconds(Math.Max(2, cluster.ProbeTimeoutSeconds));
            });
            // A call to a grain on a silo that died fails within this, and the search reports that shard missing.
            silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(Math.Max(5, 3 * cluster.ProbeTimeoutSeconds)));
            silo.AddPlacementDirector<ShardSpreadPlacement, ShardSpreadPlacementDirector>();
            // Shards stay open while the silo lives: reopening one costs a replay and cold caches.
            silo.Configure<GrainCollectionOptions>(options => options.CollectionAge = TimeSpan.FromDays(365));
        });
        builder.Services.AddSingleton<IShardDirectory, OrleansShardDirectory>();
        // The first silo of a new cluster lays the shards out (and builds them from the seeds) before any grain opens one.
        builder.Services.AddHostedService<ShardLayoutBootstrap>();
        return builder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
