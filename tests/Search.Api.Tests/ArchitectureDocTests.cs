using System.Reflection;
using System.Text.RegularExpressions;

namespace Search.Api.Tests;

/// <summary>
/// docs/architecture.md is the contributors' map (#22): every type and <c>Type.Member</c> it names in code spans
/// and code blocks must exist, in the repository's sources or in a referenced library (Lucene.NET, ASP.NET Core,
/// Orleans), so the map fails here the day a rename leaves it behind.
/// </summary>
public sealed partial class ArchitectureDocTests
{
    [Fact]
    public void Every_type_and_member_the_architecture_doc_names_exists()
    {
        var root = Path.GetDirectoryName(SearchApiFactory.SeedsPath)!;
        var doc = File.ReadAllText(Path.Combine(root, "docs", "architecture.md"));
        var sources = new SourceIndex(Path.Combine(root, "src"), Path.Combine(root, "tests"));

        var names = NamesInCode(doc).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(names.Count > 30, $"the doc names only {names.Count} types; is it still the map?");

        var missing = names.Where(name => !sources.Declares(name) && !Referenced(name)).ToList();
        Assert.True(missing.Count == 0, "docs/architecture.md names what does not exist: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_check_rejects_a_renamed_member()
    {
        var root = Path.GetDirectoryName(SearchApiFactory.SeedsPath)!;
        var sources = new SourceIndex(Path.Combine(root, "src"), Path.Combine(root, "tests"));

        Assert.True(sources.Declares("ArticleIndex"));
        Assert.False(sources.Declares("ArticleIndex.NoSuchMemberAnywhere"));
        Assert.False(sources.Declares("NoSuchTypeAnywhere"));
        Assert.True(Referenced("IndexWriter.Commit"));
        Assert.False(Referenced("IndexWriter.NoSuchMemberAnywhere"));
    }

    /// <summary>PascalCase names of two or more humps (or I-prefixed interfaces), optionally with one member, found
    /// in `code spans` and fenced blocks; prose outside code is not read, so plain words never count.</summary>
    private static IEnumerable<string> NamesInCode(string markdown)
    {
        var code = string.Join('\n', CodeParts().Matches(markdown).Select(m => m.Value));
        return TypeName().Matches(code).Select(m => m.Value);
    }

    private static bool Referenced(string name)
    {
        var parts = name.Split('.');
        var types = LibraryTypes.Value.Where(t => t.Name == parts[0] || t.Name == parts[0] + "Attribute" || t.Name.StartsWith(parts[0] + "`", StringComparison.Ordinal));
        return types.Any(t => parts.Length == 1 || t.GetMember(parts[1], BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static).Length > 0);
    }

    private static readonly Lazy<Type[]> LibraryTypes = new(() =>
    {
        string[] libraries = ["Lucene.Net", "Lucene.Net.Queries", "Lucene.Net.QueryParser", "Lucene.Net.Highlighter", "Lucene.Net.Memory",
            "Microsoft.AspNetCore.Http.Results", "Microsoft.AspNetCore.Http.Abstractions", "Microsoft.AspNetCore.Mvc.Core",
            "Orleans.Core", "Orleans.Core.Abstractions", "Orleans.Runtime", "Orleans.Serialization", "Orleans.Serialization.Abstractions", "System.Runtime"];
        return libraries.SelectMany(name =>
        {
            try
            {
                return Assembly.Load(name).GetTypes();
            }
            catch (FileNotFoundException)
            {
                return [];
            }
        }).ToArray();
    });

    [GeneratedRegex(@"```.*?```|`[^`\n]+`", RegexOptions.Singleline)]
    private static partial Regex CodeParts();

    [GeneratedRegex(@"(?<![\w.])(?:I[A-Z][a-z0-9]+|[A-Z][a-z0-9]+[A-Z])[A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)?(?![\w])")]
    private static partial Regex TypeName();

    /// <summary>The types and members declared under src/ and tests/, read as text: a type by its declaration, a member as a
    /// method, property, field or nested type inside a file that declares the type.</summary>
    private sealed partial class SourceIndex
    {
        private readonly Dictionary<string, List<string>> _filesByType = new(StringComparer.Ordinal);

        public SourceIndex(params string[] folders)
        {
            foreach (var file in folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    continue;
                }

                var text = File.ReadAllText(file);
                foreach (Match m in Declaration().Matches(text))
                {
                    var type = m.Groups["name"].Value;
                    if (!_filesByType.TryGetValue(type, out var texts))
                    {
                        _filesByType[type] = texts = [];
                    }

                    texts.Add(text);
                }
            }
        }

        public bool Declares(string name)
        {
            var parts = name.Split('.');
            if (!_filesByType.TryGetValue(parts[0], out var texts))
            {
                return false;
            }

            if (parts.Length == 1)
            {
                return true;
            }

            var member = new Regex(@"[\w>\]?)]\s+" + Regex.Escape(parts[1]) + @"\s*(?:<[^>]*>)?\s*(?:\(|\{|=>|;|=)|(?:class|record|struct|interface|enum)\s+" + Regex.Escape(parts[1]) + @"\b", RegexOptions.None, TimeSpan.FromSeconds(1));
            return texts.Any(member.IsMatch);
        }

        [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?:struct\s+|class\s+)?(?<name>[A-Z]\w*)")]
        private static partial Regex Declaration();
    }
}
