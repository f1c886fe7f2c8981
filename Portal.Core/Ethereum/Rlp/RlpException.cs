namespace NutPortal.Core.Ethereum.Rlp;

/// <summary>Malformed or non-canonical RLP. The message names the byte offset and the problem.</summary>
public sealed class RlpException : Exception
{
    public RlpException(string message)
        : base(message)
    {
    }

    public RlpException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public RlpException()
    {
    }

    internal static RlpException At(int offset, string problem) => new($"RLP error at offset {offset}: {problem}");
}
