namespace NutPortal.Core.Solidity;

/// <summary>Why the toolchain could not produce a compiler answer (as opposed to compile errors in the source).</summary>
public enum SolidityFailure
{
    UnsupportedVersion,
    SourceTooLarge,
    Timeout,
    MemoryLimit,
    OutputTooLarge,
    WorkerFailed,
    InvalidRequest,
}

/// <summary>The toolchain failed; compile errors in the source are diagnostics, not this exception.</summary>
public sealed class SolidityCompilerException : Exception
{
    public SolidityCompilerException(SolidityFailure failure, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    public SolidityCompilerException()
    {
    }

    public SolidityCompilerException(string message)
        : base(message)
    {
    }

    public SolidityCompilerException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SolidityFailure Failure { get; } = SolidityFailure.WorkerFailed;
}
