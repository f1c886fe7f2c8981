using NutPortal.Core.Solidity;

namespace NutPortal.Tests.Solidity;

/// <summary>One compiler (and its warm worker pools) shared by the Solidity tests.</summary>
public sealed class SolidityCompilerFixture : IDisposable
{
    public SolidityCompiler Compiler { get; } = new(new SolidityCompilerOptions { PoolSizePerVersion = 1 });

    public void Dispose() => Compiler.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SolidityCollection : ICollectionFixture<SolidityCompilerFixture>
{
    public const string Name = "solc";
}
