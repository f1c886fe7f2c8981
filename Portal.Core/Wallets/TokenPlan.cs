using System.Globalization;
using System.Numerics;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.Wallets;

/// <summary>
/// A token send checked against the chain before anything is signed: the contract exists on this network, and the
/// account holds the amount (ERC-20) or owns the token (ERC-721).
/// </summary>
internal sealed record TokenPlan(string Contract, string Kind, string Asset, string AmountText, byte[] Data)
{
    public string Describe => $"{AmountText} {Asset}";

    /// <summary>Null for an ether send (no token named).</summary>
    public static async Task<TokenPlan?> ForAsync(IJsonRpcClient rpc, string from, Address to, TransferRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Token))
        {
            return null;
        }
        if (!Address.TryParse(request.Token.Trim(), out var token))
        {
            throw Invalid("token", "The token is a contract address: 0x and 40 hex digits.");
        }
        var contract = token.ToLowerHex();
        var code = await rpc.CallAsync<string>("eth_getCode", [contract, BlockParameter.Latest], null, ct);
        if (code is null or "0x" or "")
        {
            throw Invalid("token", $"There is no contract at {token} on this network (is it deployed on another one?). Nothing was sent.");
        }
        var symbol = await TryCallAsync(rpc, contract, TokenAbi.Symbol.EncodeCall(), TokenAbi.Symbol, ct) as string;
        if (!string.IsNullOrWhiteSpace(request.TokenId))
        {
            if (!BigInteger.TryParse(request.TokenId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw Invalid("tokenId", "A token id is a non-negative whole number.");
            }
            var owner = await TryCallAsync(rpc, contract, TokenAbi.OwnerOf.EncodeCall(id), TokenAbi.OwnerOf, ct);
            if (owner is not Address a || a.ToLowerHex() != from)
            {
                throw new WalletFailureException(WalletFailureKind.InsufficientFunds, "tokenId", $"The account does not own token {id} of {token}. Nothing was sent.");
            }
            return new TokenPlan(contract, "erc721", symbol ?? "NFT", "#" + id.ToString(CultureInfo.InvariantCulture), TokenAbi.TransferFrom.EncodeCall(from, to.ToLowerHex(), id));
        }
        var decimals = await TryCallAsync(rpc, contract, TokenAbi.Decimals.EncodeCall(), TokenAbi.Decimals, ct) is BigInteger d && d <= 77 ? (int)d : 18;
        if (!TokenUnits.TryParse(request.Amount, decimals, out var amount, out var error) || amount.IsZero)
        {
            throw Invalid("amount", error.Length > 0 ? error : "Send more than 0.");
        }
        var held = await TryCallAsync(rpc, contract, TokenAbi.BalanceOf.EncodeCall(from), TokenAbi.BalanceOf, ct) as BigInteger?;
        if (held is null)
        {
            throw Invalid("token", $"{token} does not answer balanceOf: it is not an ERC-20 token.");
        }
        var asset = symbol ?? "tokens";
        if (amount > held)
        {
            throw new WalletFailureException(WalletFailureKind.InsufficientFunds, "amount",
                $"The account holds {TokenUnits.Format(held.Value, decimals)} {asset}; it cannot send {TokenUnits.Format(amount, decimals)} {asset}. Nothing was sent.");
        }
        return new TokenPlan(contract, "erc20", asset, TokenUnits.Format(amount, decimals), TokenAbi.Transfer.EncodeCall(to.ToLowerHex(), amount));
    }

    private static async Task<object?> TryCallAsync(IJsonRpcClient rpc, string contract, byte[] data, Ethereum.Abi.AbiFunction function, CancellationToken ct)
    {
        try
        {
            var output = await rpc.CallAsync(new RpcTransactionRequest { To = contract, Input = Hex.Encode(data) }, BlockParameter.Latest, ct);
            var bytes = Hex.Decode(output);
            return bytes.Length == 0 ? null : function.DecodeOutput(bytes)[0];
        }
        catch (Exception e) when (e is JsonRpcException or Ethereum.Abi.AbiException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static WalletFailureException Invalid(string field, string message) => new(WalletFailureKind.InvalidInput, field, message);
}
