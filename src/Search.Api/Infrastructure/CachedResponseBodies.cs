using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Search.Core.Querying;

namespace Search.Api.Infrastructure;

/// <summary>
/// The JSON body of each response held in the result cache, serialised once: a repeated search then costs
/// about what a trivial endpoint does. Bodies live exactly as long as their cached response.
/// </summary>
public sealed class CachedResponseBodies(IOptions<JsonOptions> json)
{
    private readonly ConditionalWeakTable<SearchResponse, byte[]> _bodies = [];
    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;

    /// <summary>The response as JSON: from its cached body when it came from the result cache.</summary>
    public Results<Ok<SearchResponse>, FileContentHttpResult> Write(SearchResponse response)
    {
        if (response.Cached != true)
        {
            return TypedResults.Ok(response);
        }

        return TypedResults.Bytes(_bodies.GetValue(response, r => JsonSerializer.SerializeToUtf8Bytes(r, _options)), "application/json; charset=utf-8");
    }
}
