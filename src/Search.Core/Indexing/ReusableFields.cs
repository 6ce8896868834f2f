using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;

namespace Search.Core.Indexing;

/// <summary>
/// Field instances one indexing thread reuses from one document to the next, as Lucene advises for bulk loads
/// (<see cref="ArticleIndex.AddAll"/>). A new <see cref="StringField"/> or <see cref="Int32Field"/>, and a new
/// replay of the body's tokens, each build a token stream with its attributes for every document, and Lucene.NET's
/// attribute factory takes one process-wide lock per attribute it makes: the ingest profile (#23) put about a tenth
/// of a bulk build's CPU there, and the threads of a parallel build queued on that lock. Reused fields make their
/// streams once. The values indexed are the same as with fresh fields.
/// </summary>
/// <remarks>
/// Not thread-safe: one instance per thread, and a document built with it must be handed to the writer (which
/// inverts and stores it before returning) before the next document is built with the same instance.
/// </remarks>
public sealed class ReusableFields
{
    private readonly Dictionary<string, Slots> _strings = new(StringComparer.Ordinal);
    private readonly List<Slots> _handedOut = [];
    private Int32Field? _int32;
    private Field? _stemmedField;
    private Field? _surfaceField;
    private SurfaceTokens.Replay? _stemmedReplay;
    private SurfaceTokens.Replay? _surfaceReplay;

    /// <summary>Starts the next document: the fields handed out for the previous one may be given out again.</summary>
    internal void BeginDocument()
    {
        foreach (var slots in _handedOut)
        {
            slots.Used = 0;
        }

        _handedOut.Clear();
    }

    /// <summary>A <see cref="StringField"/> holding <paramref name="value"/>; the n-th asked for a name in a document is always the same instance.</summary>
    internal StringField String(string name, string value, Field.Store store)
    {
        if (!_strings.TryGetValue(name, out var slots))
        {
            _strings[name] = slots = new Slots();
        }

        if (slots.Used == 0)
        {
            _handedOut.Add(slots);
        }

        if (slots.Used == slots.Fields.Count)
        {
            slots.Fields.Add(new StringField(name, value, store));
        }

        var field = slots.Fields[slots.Used++];
        if (field.FieldType.IsStored != (store == Field.Store.YES))
        {
            throw new InvalidOperationException($"Field '{name}' is asked for both stored and not stored.");
        }

        field.SetStringValue(value);
        return field;
    }

    /// <summary>The one indexed <see cref="Int32Field"/> of a document (the publication day), not stored.</summary>
    internal Int32Field Int32(string name, int value)
    {
        if (_int32 is null || !string.Equals(_int32.Name, name, StringComparison.Ordinal))
        {
            _int32 = new Int32Field(name, value, Field.Store.NO);
        }

        _int32.SetInt32Value(value);
        return _int32;
    }

    /// <summary>The body's field of stemmed tokens (<paramref name="name"/>, <paramref name="type"/>), replaying <paramref name="tokens"/>.</summary>
    internal Field Stemmed(string name, SurfaceTokens tokens, FieldType type)
    {
        if (_stemmedField is null || _stemmedReplay is null)
        {
            _stemmedReplay = SurfaceTokens.CreateReplay(tokens);
            _stemmedField = new Field(name, new PorterStemFilter(_stemmedReplay), type);
        }

        _stemmedReplay.Tokens = tokens;
        return Checked(_stemmedField, name, type);
    }

    /// <summary>The body's field of surface tokens (<paramref name="name"/>, <paramref name="type"/>), replaying <paramref name="tokens"/>.</summary>
    internal Field Surface(string name, SurfaceTokens tokens, FieldType type)
    {
        if (_surfaceField is null || _surfaceReplay is null)
        {
            _surfaceReplay = SurfaceTokens.CreateReplay(tokens);
            _surfaceField = new Field(name, _surfaceReplay, type);
        }

        _surfaceReplay.Tokens = tokens;
        return Checked(_surfaceField, name, type);
    }

    private static Field Checked(Field field, string name, FieldType type) =>
        string.Equals(field.Name, name, StringComparison.Ordinal) && ReferenceEquals(field.FieldType, type)
            ? field
            : throw new InvalidOperationException($"The reused token field is '{field.Name}', not '{name}'.");

    private sealed class Slots
    {
        public List<StringField> Fields { get; } = [];

        public int Used { get; set; }
    }
}
