namespace Search.Core.Querying.Trending;

/// <summary>
/// Numbers every candidate term once for the life of the finder, so segment tables hold the same id for the
/// same term and a request counts terms as integers, hashing no strings. Ids are never reused; the vocabulary
/// grows with the distinct words and pairs ever indexed (terms of deleted articles stay, a few bytes each).
/// </summary>
public sealed class TermVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly Lock _lock = new();

    /// <summary>The id of <paramref name="term"/>, numbering it if new. Thread-safe.</summary>
    public int IdOf(string term)
    {
        lock (_lock)
        {
            if (!_ids.TryGetValue(term, out var id))
            {
                _ids[term] = id = _terms.Count;
                _terms.Add(term);
            }

            return id;
        }
    }

    /// <summary>The id of <paramref name="term"/> when it is numbered (without numbering it). Thread-safe.</summary>
    public bool TryGetId(string term, out int id)
    {
        lock (_lock)
        {
            return _ids.TryGetValue(term, out id);
        }
    }

    /// <summary>How many terms are numbered (ids run from 0 to one less). Thread-safe.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _terms.Count;
            }
        }
    }

    /// <summary>The term numbered <paramref name="id"/>. Thread-safe.</summary>
    public string Term(int id)
    {
        lock (_lock)
        {
            return _terms[id];
        }
    }
}
