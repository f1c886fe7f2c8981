using System.Numerics;
using System.Text.Json;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Solidity;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum.EndToEnd;

/// <summary>A real anvil node and the end-to-end contracts compiled by real solc, shared by a test class.</summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    /// <summary>What each fresh account is funded with: 100 ETH.</summary>
    public static readonly BigInteger InitialBalance = BigInteger.Pow(10, 20);

    public AnvilNode Node { get; } = new();

    public IJsonRpcClient Rpc => Node.Rpc;

    public CompiledContract Registry { get; private set; } = null!;

    public CompiledContract Forwarder { get; private set; } = null!;

    public ContractAbi RegistryAbi { get; private set; } = null!;

    public ContractAbi ForwarderAbi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var start = Node.InitializeAsync();
        using (var compiler = new SolidityCompiler(new SolidityCompilerOptions { PoolSizePerVersion = 1 }))
        {
            // Paris keeps the bytecode to opcodes every anvil hardfork accepts.
            var request = SolidityCompileRequest.ForSource(EndToEndContracts.Source, name: "Registry.sol");
            var result = await compiler.CompileAsync(new SolidityCompileRequest { Sources = request.Sources, EvmVersion = "paris" });
            Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.FormattedMessage)));
            Registry = result.Contract("Registry");
            Forwarder = result.Contract("Forwarder");
        }
        RegistryAbi = ContractAbi.Parse(Registry.AbiJson);
        ForwarderAbi = ContractAbi.Parse(Forwarder.AbiJson);
        await start;
    }

    /// <summary>A freshly generated key (never one of anvil's unlocked accounts), funded with anvil_setBalance.</summary>
    public async Task<SignedSender> NewFundedSenderAsync()
    {
        var key = PrivateKey.Generate();
        await Rpc.CallAsync<JsonElement>("anvil_setBalance", [key.Address.ToLowerHex(), "0x" + InitialBalance.ToString("x").TrimStart('0')]);
        Assert.Equal(InitialBalance, await Rpc.GetBalanceAsync(key.Address.ToLowerHex()));
        return new SignedSender(Rpc, key);
    }

    /// <summary>Deploys Registry(name, initial) in a transaction we sign, with constructor arguments from our ABI encoder.</summary>
    public Task<Address> DeployRegistryAsync(SignedSender sender, string name, int initial) =>
        DeployAsync(sender, RegistryAbi.Constructor!.EncodeDeploy(Hex.Decode(Registry.Bytecode), name, new BigInteger(initial)));

    public Task<Address> DeployForwarderAsync(SignedSender sender) => DeployAsync(sender, Hex.Decode(Forwarder.Bytecode));

    public Task DisposeAsync() => Node.DisposeAsync();

    private static async Task<Address> DeployAsync(SignedSender sender, byte[] init)
    {
        var receipt = await sender.TransactAsync(null, init, gas: 3_000_000);
        Assert.True(receipt.Succeeded);
        Assert.Null(receipt.To);
        return Address.Parse(receipt.ContractAddress!);
    }
}
