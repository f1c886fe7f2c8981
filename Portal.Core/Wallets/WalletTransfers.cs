using System.Globalization;
using System.Numerics;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Organizations;

namespace NutPortal.Core.Wallets;

/// <summary>What to send: ether (no <see cref="Token"/>), an ERC-20 amount, or an ERC-721 token (<see cref="TokenId"/>).</summary>
public sealed record TransferRequest(string? To, string? Amount, string? Token = null, string? TokenId = null);

/// <summary>A send as it would go out: what moves, the gas the node expects and the fee (expected and at most), in wei and ether.</summary>
public sealed record TransferEstimate(
    string From, string To, string Kind, string Asset, string Amount, ulong Gas, ulong GasLimit,
    string BaseFeePerGasWei, string MaxFeePerGasWei, string Fee, string MaxFee, string Balance, string TotalMax);

public sealed record TransferResult(string TransactionHash, bool Succeeded, ulong GasUsed, TransferEstimate Estimate);

/// <summary>
/// Sends from a wallet account: the fee is estimated (eth_estimateGas and the latest base fee, the same fees the signer
/// then offers) and the balance checked before anything is signed; the key is unprotected only to sign, through
/// <see cref="NetworkSigner.SendSignedByAsync"/> (one signer per key per chain).
/// </summary>
public sealed class WalletTransfers(WalletService wallets, WalletNetworks networks, WalletKeys keys, NetworkSigner signer)
{
    public async Task<TransferEstimate> EstimateAsync(Caller caller, long accountId, string networkId, TransferRequest request, CancellationToken ct = default)
    {
        var account = await wallets.FindAsync(caller.UserId, accountId, ct);
        await networks.GetAsync(caller, networkId, ct);
        return (await NodeGuard.RunAsync(() => PlanAsync(networkId, account.Address, request, ct))).Estimate;
    }

    public async Task<TransferResult> SendAsync(Caller caller, long accountId, string networkId, TransferRequest request, CancellationToken ct = default)
    {
        var account = await wallets.FindAsync(caller.UserId, accountId, ct);
        await networks.GetAsync(caller, networkId, ct);
        var plan = await NodeGuard.RunAsync(() => PlanAsync(networkId, account.Address, request, ct));
        using var key = keys.Unprotect(account);
        RpcReceipt receipt;
        try
        {
            receipt = await signer.SendSignedByAsync(networkId, key, plan.CallTo, plan.Data, plan.Value, new Gateway.UserTransaction(caller, "wallet", OwnAccount: true), ct);
        }
        catch (ContractFailureException e)
        {
            throw new WalletFailureException(e.Kind == ContractFailureKind.NotRunning ? WalletFailureKind.Unavailable : WalletFailureKind.Rejected, "network", e.Message);
        }
        catch (JsonRpcException e)
        {
            throw new WalletFailureException(WalletFailureKind.Rejected, "network", $"The node refused the transaction: {e.Message}");
        }
        catch (JsonRpcClientException e)
        {
            // The transaction may or may not have reached the node: the history shows whether it was mined.
            throw new WalletFailureException(WalletFailureKind.Unavailable, "network", $"The network's node did not answer ({e.Message}); check the history before sending again.");
        }
        return new TransferResult(receipt.TransactionHash, receipt.Succeeded, receipt.GasUsed, plan.Estimate);
    }

    private sealed record Plan(string CallTo, byte[] Data, BigInteger Value, TransferEstimate Estimate);

    private async Task<Plan> PlanAsync(string networkId, string fromAddress, TransferRequest request, CancellationToken ct)
    {
        if (!Address.TryParse(request.To?.Trim(), out var to) || to.Equals(Address.Zero))
        {
            throw new WalletFailureException(WalletFailureKind.InvalidInput, "to", "Enter the recipient's address: 0x and 40 hex digits (not the zero address).");
        }
        var rpc = await WalletHoldings.RpcAsync(signer, networkId, ct);
        var from = fromAddress.ToLowerInvariant();
        var balance = await rpc.GetBalanceAsync(from, BlockParameter.Latest, ct);
        var token = await TokenPlan.ForAsync(rpc, from, to, request, ct);
        BigInteger value = 0;
        if (token is null)
        {
            if (!TokenUnits.TryParse(request.Amount, 18, out value, out var error) || value.IsZero)
            {
                throw new WalletFailureException(WalletFailureKind.InvalidInput, "amount", value.IsZero && error.Length == 0 ? "Send more than 0 ETH." : error);
            }
            if (value > balance)
            {
                throw new WalletFailureException(WalletFailureKind.InsufficientFunds, "amount",
                    $"The account holds {TokenUnits.Format(balance, 18)} ETH; it cannot send {TokenUnits.Format(value, 18)} ETH. Nothing was sent.");
            }
        }
        var callTo = token?.Contract ?? to.ToLowerHex();
        var data = token?.Data ?? [];
        ulong gas;
        try
        {
            gas = await rpc.EstimateGasAsync(new RpcTransactionRequest { From = from, To = callTo, Input = Hex.Encode(data), Value = value }, ct);
        }
        catch (JsonRpcException e)
        {
            throw new WalletFailureException(WalletFailureKind.Rejected, "to", $"The transaction would fail: {e.Message}. Nothing was sent.");
        }
        var baseFee = (await rpc.GetBlockByNumberAsync(BlockParameter.Latest, ct))?.BaseFeePerGas ?? 0;
        var (maxFeePerGas, tip) = NetworkSigner.FeesFor(baseFee);
        var gasLimit = NetworkSigner.GasLimitFor(gas);
        var fee = gas * (baseFee + tip);
        var maxFee = gasLimit * maxFeePerGas;
        if (value + maxFee > balance)
        {
            throw new WalletFailureException(WalletFailureKind.InsufficientFunds, token is null ? "amount" : "network",
                $"Sending {(token is null ? TokenUnits.Format(value, 18) + " ETH" : token.Describe)} with a fee of up to {TokenUnits.Format(maxFee, 18)} ETH needs "
                + $"{TokenUnits.Format(value + maxFee, 18)} ETH; the account holds {TokenUnits.Format(balance, 18)} ETH. Nothing was sent.");
        }
        var estimate = new TransferEstimate(
            fromAddress, to.ToString(), token?.Kind ?? "native", token?.Asset ?? "ETH", token?.AmountText ?? TokenUnits.Format(value, 18), gas, gasLimit,
            baseFee.ToString(CultureInfo.InvariantCulture), maxFeePerGas.ToString(CultureInfo.InvariantCulture),
            TokenUnits.Format(fee, 18), TokenUnits.Format(maxFee, 18), TokenUnits.Format(balance, 18), TokenUnits.Format(value + maxFee, 18));
        return new Plan(callTo, data, value, estimate);
    }
}
