namespace Search.Core.Articles;

/// <summary>A statement attributed to a speaker: a direct quote or reported speech.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record Quote(string Speaker, string Text);
