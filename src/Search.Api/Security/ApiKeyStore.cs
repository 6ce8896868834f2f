using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Search.Api.Hosting;
using Search.Core;

namespace Search.Api.Security;

/// <summary>
/// Holds the write key: the configured one, or one generated at first start and stored beside the
/// index (<c>{IndexPath}.apikey</c>, mode 600). Only a hash is kept in memory for comparisons, which
/// take constant time. The key itself is never logged; its file's path is.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly byte[] _keyHash;

    public ApiKeyStore(IOptions<ApiOptions> apiOptions, SearchOptions searchOptions, ILogger<ApiKeyStore> logger)
    {
        var configured = apiOptions.Value.ApiKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _keyHash = Hash(configured.Trim());
            logger.LogInformation("Writes need the API key from configuration (Search:ApiKey)");
            return;
        }

        KeyFilePath = Path.GetFullPath(searchOptions.IndexPath).TrimEnd(Path.DirectorySeparatorChar) + ".apikey";
        if (!File.Exists(KeyFilePath))
        {
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            Directory.CreateDirectory(Path.GetDirectoryName(KeyFilePath)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(KeyFilePath, options))
            using (var writer = new StreamWriter(file, Encoding.UTF8))
            {
                writer.Write(key);
                writer.Flush();
                file.Flush(flushToDisk: true);
            }

            // The key's name must survive a crash as well as its bytes, or a restart generates a new key.
            Search.Core.Indexing.DirectorySync.Sync(Path.GetDirectoryName(KeyFilePath)!);

            logger.LogWarning("Generated an API key for writes; it is in {KeyFile} (readable by this user only)", KeyFilePath);
        }
        else
        {
            logger.LogInformation("Writes need the API key stored in {KeyFile}", KeyFilePath);
        }

        _keyHash = Hash(File.ReadAllText(KeyFilePath).Trim());
    }

    /// <summary>Where the generated key is stored; null when the key comes from configuration.</summary>
    public string? KeyFilePath { get; }

    /// <summary>Constant-time comparison of a presented key with the stored one.</summary>
    public bool IsValid(string? presented) =>
        !string.IsNullOrEmpty(presented) && CryptographicOperations.FixedTimeEquals(Hash(presented.Trim()), _keyHash);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
