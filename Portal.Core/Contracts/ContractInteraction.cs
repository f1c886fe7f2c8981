using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.Contracts;

/// <summary>A decoded event from a write's receipt.</summary>
public sealed record InteractionEvent(string Name, string Address, JsonObject Arguments);

/// <summary>A read's outputs, or a write's transaction, status and events.</summary>
public sealed record InteractionResult(string Function, bool ReadOnly, JsonObject? Outputs, string? TransactionHash, bool? Succeeded, ulong? GasUsed, IReadOnlyList<InteractionEvent> Events);

/// <summary>Calls a deployed contract's functions: views through eth_call, others signed and sent.</summary>
public sealed class ContractInteraction(ContractDeployer deployer, NetworkSigner signer)
{
    /// <summary>A call by the portal itself (no user: a write is exempt from the rules for users' transactions); users' calls go through the overload that names them.</summary>
    public Task<InteractionResult> InvokeAsync(
        string networkId, string address, string function, JsonElement? arguments, BigInteger value, CancellationToken ct = default) =>
        InvokeAsync(networkId, address, function, arguments, value, null, null, ct);

    /// <summary>The same, for a consortium member organization signing with its own account (null: the network's accounts), for
    /// <paramref name="user"/>: a write meets the network's rules for users' transactions (<see cref="Gateway.UserTransactionGuard"/>).</summary>
    public async Task<InteractionResult> InvokeAsync(
        string networkId, string address, string function, JsonElement? arguments, BigInteger value, string? organizationId, Gateway.UserTransaction? user,
        CancellationToken ct = default)
    {
        var deployed = await deployer.FindAsync(networkId, address, ct)
            ?? throw new ContractFailureException(ContractFailureKind.NotFound, "address", $"No contract deployed by the portal at {address} on this network.");
        var abi = ContractAbi.Parse(deployed.AbiJson);
        AbiFunction target;
        try
        {
            target = abi.GetFunction(function);
        }
        catch (AbiException e)
        {
            throw new ContractFailureException(ContractFailureKind.InvalidInput, "function", e.Message);
        }
        var data = target.EncodeCall(AbiArguments.Parse(target.Inputs, arguments, "arguments"));
        if (target.IsReadOnly)
        {
            var rpc = await signer.RpcAsync(networkId, ct);
            var from = await signer.SenderAsync(networkId, organizationId, ct);
            string output;
            try
            {
                output = await rpc.CallAsync(new RpcTransactionRequest { From = from, To = deployed.Address, Input = Hex.Encode(data) }, BlockParameter.Latest, ct);
            }
            catch (JsonRpcException e)
            {
                throw new ContractFailureException(ContractFailureKind.Reverted, "function", $"The call reverted: {e.Message}");
            }
            var values = target.DecodeOutput(Hex.Decode(output));
            return new InteractionResult(target.Signature, true, AbiValueFormatter.ToJsonObject(target.Outputs, values), null, null, null, []);
        }
        var receipt = await signer.SendAsync(networkId, deployed.Address, data, value, organizationId, user, ct);
        var events = receipt.Logs.Select(log => Decode(abi, log)).OfType<InteractionEvent>().ToList();
        return new InteractionResult(target.Signature, false, null, receipt.TransactionHash, receipt.Succeeded, receipt.GasUsed, events);
    }

    private static InteractionEvent? Decode(ContractAbi abi, RpcLog log)
    {
        var decoded = abi.DecodeLog(log.Topics.Select(Hex.Decode).ToList(), Hex.Decode(log.Data));
        return decoded is null ? null : new InteractionEvent(decoded.Event.Name, log.Address, AbiValueFormatter.ToJsonObject(decoded.Event.Inputs, decoded.Values));
    }
}
