using System.Text.Json;

namespace Search.Core.Articles;

/// <summary>
/// Reads one JSON article object into an <see cref="ArticleRecord"/>, the same way for a JSON Lines file, a request
/// body and a bulk line. Canonical names win over aliases when both are given: <c>text</c> over <c>body</c>,
/// <c>published</c> over <c>date</c>, <c>sources</c> over <c>source</c>. Names are matched ignoring case (the API's
/// JSON binding always did; "Text" worked); a repeated member keeps its last value. Unknown members are ignored, so
/// data files may carry more (authors, topic). A member that is null or "" counts as absent. A member of the wrong
/// JSON type is an error naming it.
/// </summary>
public static class ArticleRecordReader
{
    /// <summary>Parses and reads one JSON object.</summary>
    /// <exception cref="ArticleWriteException">Not a JSON object, or a member of the wrong type.</exception>
    public static ArticleRecord Read(string json)
    {
        if (json.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArticleWriteException("json", "Not a JSON article object: binary content (NUL bytes).");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new ArticleWriteException("json", "Not a JSON article object: " + ex.Message);
        }
    }

    /// <summary>Reads a request body: one JSON object.</summary>
    /// <exception cref="ArticleWriteException">Not a JSON object, or a member of the wrong type.</exception>
    public static async Task<ArticleRecord> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, default, cancellationToken);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new ArticleWriteException("json", "Not a JSON article object: " + ex.Message);
        }
    }

    /// <summary>Reads an already parsed JSON value.</summary>
    /// <exception cref="ArticleWriteException">Not a JSON object, or a member of the wrong type.</exception>
    public static ArticleRecord Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ArticleWriteException("json", $"Not a JSON article object: the value is {Describe(root.ValueKind)}.");
        }

        var members = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in root.EnumerateObject())
        {
            members[member.Name] = member.Value;
        }

        return new ArticleRecord
        {
            Id = Id(members),
            Text = String(members, "text") ?? String(members, "body"),
            Html = String(members, "html"),
            Url = String(members, "url"),
            Title = String(members, "title"),
            Outlet = String(members, "outlet"),
            Published = String(members, "published") ?? String(members, "date"),
            Speakers = Names(members, "speakers", single: false),
            Sources = Names(members, "sources", single: false) ?? Names(members, "source", single: true),
            // Data files often give authors as one comma-separated string ("Jane Roe, John Doe").
            Authors = Names(members, "authors", single: true)?.SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
        };
    }

    private static string? Id(Dictionary<string, JsonElement> members) =>
        members.TryGetValue("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetRawText() : String(members, "id");

    private static string? String(Dictionary<string, JsonElement> members, string name)
    {
        if (!members.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ArticleWriteException(name, $"{name} must be a string; got {Describe(value.ValueKind)}.");
        }

        return Text(value, name) is { Length: > 0 } text ? text : null;
    }

    /// <summary>A list of names; with <paramref name="single"/>, one name alone is read as a list of one.</summary>
    private static List<string>? Names(Dictionary<string, JsonElement> members, string name, bool single)
    {
        if (!members.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (single && value.ValueKind == JsonValueKind.String)
        {
            return Text(value, name) is { Length: > 0 } one ? [one] : null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ArticleWriteException(name, $"{name} must be a list of strings; got {Describe(value.ValueKind)}.");
        }

        var names = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new ArticleWriteException(name, $"{name}[{i}] is {Describe(item.ValueKind)}; give each name as a string.");
            }

            names.Add(Text(item, $"{name}[{i}]"));
            i++;
        }

        return names.Count == 0 ? null : names;
    }

    /// <summary>A JSON string's text; a lone surrogate escape ("\ud800") is valid JSON but no .NET string System.Text.Json will make.</summary>
    private static string Text(JsonElement value, string name)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new ArticleWriteException(name.Split('[')[0], $"{name} is not valid text: it holds a lone UTF-16 surrogate escape.");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };
}
