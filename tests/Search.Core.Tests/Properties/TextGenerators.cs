using CsCheck;

namespace Search.Core.Tests.Properties;

/// <summary>
/// Generators of text in every script the server may meet, and of the inputs that break text code:
/// noncharacters, lone surrogates, NUL, combining marks, very long tokens, malformed HTML, query syntax.
/// </summary>
public static class TextGenerators
{
    /// <summary>Words of one script each: (script, characters a word is made of, whether words are written with spaces between them).</summary>
    private static readonly (string Script, string Letters, bool Spaced)[] Scripts =
    [
        ("latin", "abcdefghijklmnopqrstuvwxyzéüñç", true),
        ("cjk", "北京上海天气经济政府国家会议发展市场人民大学体育", false),
        ("kana", "あいうえおかきくけこさしすせそたちつてとなにぬねのアイウエオカキクケコ", false),
        ("thai", "กขคงจฉชซญฎฏฐดตถทธนบปผพฟภมยรลวศษสหอฮะาำิีึืุู่้๊๋", false),
        ("arabic", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", true),
        ("hebrew", "אבגדהוזחטיכלמנסעפצקרשת", true),
        ("devanagari", "कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह", true),
        ("cyrillic", "абвгдежзийклмнопрстуфхцчшщэюя", true),
        ("hangul", "가나다라마바사아자차카타파하서울정책", true),
    ];

    public static readonly Gen<int> ScriptIndex = Gen.Int[0, Scripts.Length - 1];

    /// <summary>A word of 2-8 letters of the given script.</summary>
    public static Gen<string> Word(int script) =>
        Gen.Char[Scripts[script].Letters].Array[2, 8].Select(chars => new string(chars));

    /// <summary>Whether the script puts spaces between words.</summary>
    public static bool IsSpaced(int script) => Scripts[script].Spaced;

    public static string ScriptName(int script) => Scripts[script].Script;

    /// <summary>A sentence of words of one script, with or without spaces as the script writes them.</summary>
    public static Gen<string> Sentence(int script) =>
        Word(script).Array[3, 12].Select(words => string.Join(IsSpaced(script) ? " " : "", words) + (IsSpaced(script) ? "." : "。"));

    /// <summary>Strings that break text code: noncharacters, lone surrogates, NUL, combining marks, emoji, RTL marks, long tokens.</summary>
    public static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.OneOfConst("\uFFFE", "\uFFFF", "\uD800", "\uDC00", "a\uD83D", "\uDE00b", "\0", "e\u0301\u0301\u0301", "😀👍🏽👨‍👩‍👧", "\u202Eevil\u202C",
            "<", ">", "&", "\"", "'", "<mark>", "</mark>", "\r\n", "\t", "\u00A0", "\u2028", "…", ""),
        Gen.Char['a', 'z'].Array[300, 2000].Select(chars => new string(chars)),
        Gen.Char.Array[0, 40].Select(chars => new string(chars)));

    /// <summary>Malformed or hostile HTML.</summary>
    public static readonly Gen<string> Html = Gen.OneOf(
        Gen.OneOfConst("<html><body><p>unclosed", "<<<>>>", "<script>alert(1)</script>", "<p><b><i>crossed</b></i></p>", "<!-- never closed",
            "<title></title><h1>\uFFFE</h1>", "<meta property=\"og:site_name\" content=\"" + new string('x', 500) + "\">", "<a href=\"javascript:1\">x</a>",
            "<table><tr><td>" + string.Concat(Enumerable.Repeat("<div>", 500)) + "deep", "&#xD800;&#0;&bogus;&amp"),
        Gen.Select(ScriptIndex.SelectMany(Sentence), Hostile, (sentence, hostile) => $"<article><h1>{hostile}</h1><p>{sentence}</p><p>{hostile}{sentence}"));

    /// <summary>Page text: sentences in mixed scripts with hostile pieces between them.</summary>
    public static readonly Gen<string> PageText =
        Gen.OneOf(ScriptIndex.SelectMany(Sentence), Hostile).Array[0, 12].Select(parts => string.Join('\n', parts));

    private static readonly Gen<string> Term = Gen.OneOf(
        ScriptIndex.SelectMany(Word),
        Gen.OneOfConst("putin", "nato", "the", "ukraine", "a", "x", "talks", "北京", "政策"),
        Hostile.Select(h => h.Length > 20 ? h[..20] : h));

    private static readonly Gen<string> Clause = Gen.OneOf(
        Term,
        Gen.Select(Gen.OneOfConst("title", "body", "outlet", "speaker", "quote", "source", "published", "nope", ""), Term, (field, term) => $"{field}:{term}"),
        Gen.Select(Term, Term, Gen.Int[0, 120], (a, b, slop) => $"\"{a} {b}\"~{slop}"),
        Gen.Select(Term, Term, (a, b) => $"\"{a} {b}\""),
        Gen.Select(Term, Gen.OneOfConst("^2", "^0.5", "^-1", "^", "^999999"), (term, boost) => term + boost),
        Gen.Select(Term, Gen.OneOfConst("~", "~1", "~2", "~3", "~0.5"), (term, fuzzy) => term + fuzzy),
        Gen.Select(Term, Gen.OneOfConst("*", "?", "*x*", "?*"), (term, pattern) => term + pattern),
        Gen.Select(Gen.OneOfConst("published", "body", "title", "outlet"), Gen.OneOfConst("2022-02-01", "*", "2022-13-45", "a", "zz"),
            Gen.OneOfConst("2022-03-01", "*", "x"), Gen.Bool, (field, from, to, inclusive) => inclusive ? $"{field}:[{from} TO {to}]" : $"{field}:{{{from} TO {to}}}"),
        Gen.Select(Term, Term, (a, b) => $"({a} OR ({b} AND NOT {a}))"),
        Gen.OneOfConst("(", ")", "\"", "[", "]", "{", "}", "\\", "\\\"", "\\(", ":", "*", "?", "~", "^", "/", "/re.*x/", "AND", "OR", "NOT", "!", "&&", "||"));

    /// <summary>Queries over the whole syntax: fields, ranges, phrases with slop, boosts, fuzzy, prefix, nesting, escapes, unbalanced input.</summary>
    // Declared after Term and Clause: static fields initialise in order.
    public static readonly Gen<string> Query = Gen.Int[1, 6].SelectMany(count => Clause.Array[count]).SelectMany(clauses =>
        Gen.OneOfConst(" ", " AND ", " OR ", " && ", " || ", " NOT ", " -", " +").Select(glue => string.Join(glue, clauses)));
}
