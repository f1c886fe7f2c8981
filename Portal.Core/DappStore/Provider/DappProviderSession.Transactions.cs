using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Wallets;

namespace NutPortal.Core.DappStore.Provider;

public sealed partial class DappProviderSession
{
    /// <summary>
    /// eth_sendTransaction: checked (sender, chain, the DApp's contracts on their own network, code at the target, gas and
    /// funds) before the user sees it; signed by the wallet account through <see cref="NetworkSigner.SendSignedByAsync"/>
    /// (its own nonce and EIP-1559 fees; the DApp's gas, fee and nonce fields are not used) once they approve.
    /// </summary>
    private async Task<JsonNode?> SendTransactionAsync(ProviderChain chain, JsonElement parameters, CancellationToken ct)
    {
        var tx = First(parameters) is { ValueKind: JsonValueKind.Object } t ? t : throw ProviderException.Params("eth_sendTransaction takes [{ from, to, value, data }].");
        var account = _account!;
        var from = Text(tx, "from");
        if (from is not null && !string.Equals(from, account.Address, StringComparison.OrdinalIgnoreCase))
        {
            throw new ProviderException(ProviderException.Unauthorized, $"The DApp is connected to {account.Address}, not {from}.");
        }
        if (Quantity(tx, "chainId") is { } txChain && txChain != chain.ChainId)
        {
            throw new ProviderException(ProviderException.InvalidInput,
                $"The transaction is for chain {txChain}; the selected network {chain.Name} is chain {chain.ChainId}. Nothing was sent.");
        }
        Address? to = Text(tx, "to") is { } toText
            ? Address.TryParse(toText, out var parsed) ? parsed : throw ProviderException.Params($"'to' is not an address: {toText}.")
            : null;
        var data = Text(tx, "data") ?? Text(tx, "input") ?? "0x";
        if (!Hex.TryDecode(data, out var input))
        {
            throw ProviderException.Params("'data' is not hex.");
        }
        var value = Quantity(tx, "value") ?? BigInteger.Zero;
        var rpc = await RpcAsync(chain, ct);
        try
        {
            await CheckTargetAsync(rpc, chain, to, input, ct);
            var request = new RpcTransactionRequest { From = account.Address.ToLowerInvariant(), To = to?.ToLowerHex(), Input = Hex.Encode(input), Value = value };
            ulong gas;
            try
            {
                gas = await rpc.EstimateGasAsync(request, ct);
            }
            catch (JsonRpcException e)
            {
                throw new ProviderException((int)e.Code, $"The transaction would fail on {chain.Name}: {e.RpcMessage}. Nothing was sent.", e.DataHex);
            }
            var balance = await rpc.GetBalanceAsync(request.From, BlockParameter.Latest, ct);
            var baseFee = (await rpc.GetBlockByNumberAsync(BlockParameter.Latest, ct))?.BaseFeePerGas ?? 0;
            var gasLimit = NetworkSigner.GasLimitFor(gas);
            var maxFee = gasLimit * NetworkSigner.FeesFor(baseFee).MaxFeePerGas;
            if (value + maxFee > balance)
            {
                throw new ProviderException(ProviderException.InvalidInput,
                    $"insufficient funds: sending {TokenUnits.Format(value, 18)} ETH with a fee of up to {TokenUnits.Format(maxFee, 18)} ETH needs "
                    + $"{TokenUnits.Format(value + maxFee, 18)} ETH; {account.Address} holds {TokenUnits.Format(balance, 18)} ETH on {chain.Name}. Nothing was sent.");
            }
            var preview = new TransactionPreview(_dapp.Dapp.Name, chain.Name, account.Address, to?.ToString(), TokenUnits.Format(value, 18),
                CallDecoder.Decode(_dapp, chain.NetworkId, to, input), gasLimit, TokenUnits.Format(maxFee, 18), TokenUnits.Format(balance, 18));
            if (!await ApproveAsync(() => _approvals.ApproveTransactionAsync(preview, ct)))
            {
                throw ProviderException.Rejected("transaction");
            }
            var stored = await _services.Wallets.FindAsync(_caller.UserId, account.Id, ct);
            using var key = _services.Keys.Unprotect(stored);
            var receipt = await _services.Signer.SendSignedByAsync(chain.NetworkId, key, to?.ToLowerHex(), input, value, new Gateway.UserTransaction(_caller, "DApp provider", OwnAccount: true), ct);
            return receipt.TransactionHash;
        }
        catch (ContractFailureException e) when (e.Kind == ContractFailureKind.Refused)
        {
            throw new ProviderException(ProviderException.Unauthorized, $"{chain.Name}: {e.Message}");
        }
        catch (ContractFailureException e)
        {
            throw new ProviderException(4901, $"{chain.Name}: {e.Message}");
        }
        catch (JsonRpcException e)
        {
            throw new ProviderException((int)e.Code, $"The node refused the transaction: {e.RpcMessage}", e.DataHex);
        }
        catch (JsonRpcClientException e)
        {
            throw new ProviderException(ProviderException.ResourceUnavailable, $"The network's node did not answer ({e.Message}); check the wallet's history before sending again.");
        }
    }

    /// <summary>A call to one of the DApp's contracts while another network is selected, or to an address without code, is refused with both named.</summary>
    private async Task CheckTargetAsync(IJsonRpcClient rpc, ProviderChain chain, Address? to, byte[] input, CancellationToken ct)
    {
        if (to is not { } target)
        {
            return;
        }
        var own = _dapp.Contracts.FirstOrDefault(c => Address.TryParse(c.Address, out var a) && a.Equals(target));
        if (own is not null && chain.NetworkId != _dapp.Dapp.NetworkId)
        {
            throw new ProviderException(ProviderException.InvalidInput,
                $"{own.Name} at {target} is {_dapp.Dapp.Name}'s contract on {_dapp.NetworkName}, but the selected network is {chain.Name} (chain {chain.ChainId}). "
                + $"Switch back to {_dapp.NetworkName} to use it. Nothing was sent.");
        }
        if (input.Length > 0 && await rpc.CallAsync<string>("eth_getCode", [target.ToLowerHex(), "latest"], cancellationToken: ct) is "0x" or "0x0" or "")
        {
            throw new ProviderException(ProviderException.InvalidInput,
                $"There is no contract at {target} on the selected network {chain.Name} (chain {chain.ChainId}): the call would do nothing. Nothing was sent.");
        }
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static BigInteger? Quantity(JsonElement o, string name)
    {
        var text = Text(o, name);
        if (text is null)
        {
            return null;
        }
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : null;
        return digits is not null && BigInteger.TryParse("0" + digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var n)
            ? n : throw ProviderException.Params($"'{name}' is not a hex quantity: {text}.");
    }
}
