namespace NutPortal.Core.Ethereum.Abi;

/// <summary>Invalid ABI type, value, JSON or encoded data.</summary>
public sealed class AbiException : Exception
{
    public AbiException(string message)
        : base(message)
    {
    }

    public AbiException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public AbiException()
    {
    }
}
