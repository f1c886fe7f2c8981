using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Solidity;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum.JsonRpc;

/// <summary>An anvil node plus a compiled test contract, shared by the RPC tests.</summary>
public sealed class AnvilFixture : IAsyncLifetime
{
    public const string BoxSource = """
        // SPDX-License-Identifier: MIT
        pragma solidity ^0.8.0;
        contract Box {
            uint public value;
            event Stored(address indexed by, uint value);
            function store(uint v) public {
                require(v != 13, "unlucky");
                value = v;
                emit Stored(msg.sender, v);
            }
            function storeVia(address other, uint v) public { Box(other).store(v); }
        }
        """;

    public AnvilNode Node { get; } = new();

    public CompiledContract Box { get; private set; } = null!;

    public IJsonRpcClient Rpc => Node.Rpc;

    public async Task InitializeAsync()
    {
        var start = Node.InitializeAsync();
        using (var compiler = new SolidityCompiler(new SolidityCompilerOptions()))
        {
            // Paris: anvil's default hardfork accepts it and the bytecode avoids newer opcodes.
            var result = await compiler.CompileAsync(new SolidityCompileRequest
            {
                Sources = new Dictionary<string, string> { ["Box.sol"] = BoxSource },
                EvmVersion = "paris",
            });
            Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.FormattedMessage)));
            Box = result.Contract("Box");
        }
        await start;
    }

    /// <summary>Deploys a fresh Box from <paramref name="from"/> (anvil signs: its accounts are unlocked) and returns its address.</summary>
    public async Task<string> DeployBoxAsync(string from)
    {
        var hash = await Rpc.CallAsync<string>("eth_sendTransaction", [new RpcTransactionRequest { From = from, Input = "0x" + Box.Bytecode, Gas = 1_000_000 }]);
        var receipt = await Rpc.WaitForTransactionReceiptAsync(hash, TimeSpan.FromSeconds(10));
        Assert.True(receipt.Succeeded);
        return receipt.ContractAddress ?? throw new InvalidOperationException("no contract address in receipt");
    }

    /// <summary>Calldata for a Box function taking uint (and optionally a leading address).</summary>
    public string Calldata(string signature, params string[] words) =>
        "0x" + Box.MethodIdentifiers[signature] + string.Concat(words.Select(w => w.PadLeft(64, '0')));

    public static string Word(ulong value) => value.ToString("x").PadLeft(64, '0');

    public static string Word(string address) => address[2..].ToLowerInvariant().PadLeft(64, '0');

    /// <summary>Sends a transaction through anvil's unlocked account and waits until it is mined.</summary>
    public async Task<RpcReceipt> TransactAsync(RpcTransactionRequest transaction)
    {
        var hash = await Rpc.CallAsync<string>("eth_sendTransaction", [transaction]);
        return await Rpc.WaitForTransactionReceiptAsync(hash, TimeSpan.FromSeconds(10));
    }

    public Task DisposeAsync() => Node.DisposeAsync();
}
