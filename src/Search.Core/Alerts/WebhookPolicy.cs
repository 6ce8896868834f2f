using Search.Core.Querying;

namespace Search.Core.Alerts;

/// <summary>Which webhook URLs an alert may name: http(s) URLs whose host is in the configured allow-list.</summary>
public static class WebhookPolicy
{
    /// <summary>The URL as given when allowed, null when none is given; otherwise a 400-worthy exception.</summary>
    public static string? Validate(string? webhook, IReadOnlyCollection<string> allowedHosts)
    {
        if (string.IsNullOrWhiteSpace(webhook))
        {
            return null;
        }

        if (allowedHosts.Count == 0)
        {
            throw new SearchRequestException("webhook", "Webhooks are off on this server (no hosts are configured in Search:Alerts:WebhookHosts).");
        }

        if (!Uri.TryCreate(webhook, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new SearchRequestException("webhook", $"'{webhook}' is not an absolute http or https URL.");
        }

        return allowedHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase)
            ? webhook
            : throw new SearchRequestException("webhook", $"Host '{uri.Host}' is not in the webhook allow-list (Search:Alerts:WebhookHosts).");
    }
}
