namespace Search.Core.Querying;

/// <summary>The limits a <see cref="SearchRequest"/> must keep, checked before anything is searched.</summary>
internal static class SearchRequestValidator
{
    public static void Validate(SearchRequest request, SearchOptions options)
    {
        if (request.Size < 1 || request.Size > options.MaxPageSize)
        {
            throw new SearchRequestException("size", $"size must be between 1 and {options.MaxPageSize}; got {request.Size}.");
        }

        if (request.Page < 1)
        {
            throw new SearchRequestException("page", $"page starts at 1; got {request.Page}.");
        }

        if ((long)request.Page * request.Size > options.MaxResultWindow)
        {
            throw new SearchRequestException("page",
                $"page × size may not exceed {options.MaxResultWindow}; to walk deeper, follow the 'after' cursor each response returns.");
        }

        if (request.Query is { Length: var length } && length > options.MaxQueryLength)
        {
            throw new SearchRequestException("q", $"The query is {length} characters long; the limit is {options.MaxQueryLength}.");
        }

        if (request.From is { } from && request.To is { } to && from > to)
        {
            throw new SearchRequestException("from", $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).");
        }

        if (request.CollapseStories && request.After is not null)
        {
            throw new SearchRequestException("after", "collapse=story pages with page and size; the after cursor is not available with it.");
        }
    }
}
