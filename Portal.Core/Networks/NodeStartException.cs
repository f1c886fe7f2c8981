namespace NutPortal.Core.Networks;

/// <summary>A node could not be started: what happened, and what the operator can do about it.</summary>
public sealed class NodeStartException(string message, string hint, Exception? inner = null) : Exception(message, inner)
{
    public string Hint { get; } = hint;
}
