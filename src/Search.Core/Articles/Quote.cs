namespace Search.Core.Articles;

/// <summary>A statement attributed to a source: a direct quote or reported speech.</summary>
/// <param name="Speaker">The source's name: a person, or an organisation when <see cref="Kind"/> says so.</param>
/// <param name="Text">The quoted words.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record Quote(string Speaker, string Text)
{
    /// <summary>A person speaks: the name is a speaker facet value.</summary>
    public const string PersonKind = "person";

    /// <summary>An organisation, publication or document speaks: the name is an organization facet value.</summary>
    public const string OrganizationKind = "organization";

    /// <summary>The source's kind, <see cref="PersonKind"/> or <see cref="OrganizationKind"/> (quotes stored before #24 read as people).</summary>
    public string Kind { get; init; } = PersonKind;
}
