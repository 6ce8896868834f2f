namespace Search.Core.Articles;

/// <summary>A statement attributed to a speaker: a direct quote or reported speech.</summary>
public sealed record Quote(string Speaker, string Text);
