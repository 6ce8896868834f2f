namespace Search.Bench.Engines;

/// <summary>The Xapian peer is missing, crashed, or answered outside its protocol.</summary>
public sealed class XapianPeerException : Exception
{
    public XapianPeerException(string message)
        : base(message)
    {
    }

    public XapianPeerException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
