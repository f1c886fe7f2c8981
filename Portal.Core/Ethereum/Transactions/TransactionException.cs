namespace NutPortal.Core.Ethereum.Transactions;

/// <summary>A raw transaction that cannot be decoded, or transaction fields that cannot be encoded.</summary>
public sealed class TransactionException : Exception
{
    public TransactionException(string message)
        : base(message)
    {
    }

    public TransactionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TransactionException()
    {
    }
}
