namespace Search.Api.Hosting;

/// <summary>A hosted service that does nothing: stands in for one that does not apply to this configuration.</summary>
public sealed class IdleService : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
