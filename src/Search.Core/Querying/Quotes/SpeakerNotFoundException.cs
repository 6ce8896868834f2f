namespace Search.Core.Querying.Quotes;

/// <summary>No quote in the index is attributed to this speaker.</summary>
public sealed class SpeakerNotFoundException(string name) : Exception($"No quotes are attributed to '{name}'. Speaker names are exact, as the speaker facet lists them.")
{
    public string Name { get; } = name;
}
