namespace Search.Api.Security;

/// <summary>Creates the key store at start-up, so a generated key exists (and its file is named) before the first write.</summary>
public sealed class ApiKeyAnnouncer(ApiKeyStore keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(keys.KeyFilePath);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
