namespace Search.Core.Indexing;

/// <summary>What a write did to an article.</summary>
public enum IngestOutcome
{
    Created,
    Updated,
}
