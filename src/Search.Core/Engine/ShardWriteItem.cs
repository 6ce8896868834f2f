using Search.Core.Articles;

namespace Search.Core.Engine;

/// <summary>An extracted article sent to the shard that owns its id.</summary>
/// <param name="Article">The article as extracted by the coordinator (the costly part of a write).</param>
/// <param name="SpeakersGiven">The client gave the speakers, so they are not renamed after the index's names.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ShardWriteItem(Article Article, bool SpeakersGiven);
