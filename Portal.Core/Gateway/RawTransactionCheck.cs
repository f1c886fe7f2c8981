using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Model;
using Nethereum.RLP;
using Nethereum.Signer;
using Nethereum.Util;

namespace NutPortal.Core.Gateway;

/// <summary>A signed transaction as the gateway read it: who signed it, its hash and chain, and what it does (recipient,
/// null for a deployment; value in wei; calldata as 0x-hex).</summary>
public sealed record SignedTransactionFacts(string Sender, string Hash, BigInteger ChainId, string? To = null, BigInteger Value = default, string Data = "0x");

/// <summary>The outcome of checking one eth_sendRawTransaction: the facts, or the rule that refuses it and why.</summary>
public sealed record RawTransactionVerdict(SignedTransactionFacts? Facts, string? Rule, string? Reason, string? Sender = null, string? Hash = null);

/// <summary>
/// ITU-T Y.3530 8.4.2 at the gateway: a submitted transaction must parse, carry a signature whose sender can be
/// recovered, and be signed for this network's chain (EIP-155 or a typed transaction: an unprotected legacy one could
/// be replayed on any chain). Decoding and recovery are Nethereum's; its RLP decoder can be slow on hostile input, so
/// the size is capped first and the gateway runs few of these at once.
/// </summary>
public static class RawTransactionCheck
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static RawTransactionVerdict Check(string? rawHex, long chainId, int maxBytes)
    {
        if (rawHex is null || !rawHex.StartsWith("0x", StringComparison.Ordinal) || rawHex.Length < 4 || rawHex.Length % 2 != 0 || rawHex.AsSpan(2).ContainsAnyExcept(HexDigits))
        {
            return Refuse(GatewayRules.NotSigned, "params[0] must be the signed transaction as 0x-prefixed hex.");
        }
        if ((rawHex.Length - 2) / 2 > maxBytes)
        {
            return Refuse(GatewayRules.TooLarge, $"The transaction is {(rawHex.Length - 2) / 2} bytes; the gateway takes at most {maxBytes} (Portal:Gateway:MaxRawTransactionBytes).");
        }
        var raw = rawHex.HexToByteArray();
        var hash = Sha3Keccack.Current.CalculateHash(raw).ToHex(true);
        ISignedTransaction transaction;
        try
        {
            transaction = TransactionFactory.CreateTransaction(raw);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Refuse(GatewayRules.NotSigned, $"params[0] is not a signed transaction: {e.Message}", hash: hash);
        }
        BigInteger? signedFor = transaction switch
        {
            Transaction1559 t => t.ChainId,
            Transaction2930 t => t.ChainId,
            LegacyTransactionChainId t => t.GetChainIdAsBigInteger(),
            _ => null,
        };
        string sender;
        try
        {
            sender = transaction.Signature is null ? "" : TransactionVerificationAndRecovery.GetSenderAddress(rawHex) ?? "";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Refuse(GatewayRules.NotSigned, $"The transaction's signature does not recover a sender: {e.Message}", hash: hash);
        }
        if (sender.Length == 0)
        {
            return Refuse(GatewayRules.NotSigned, "The transaction carries no signature.", hash: hash);
        }
        if (signedFor is null)
        {
            return Refuse(GatewayRules.NoReplayProtection, "A legacy transaction without a chain id (EIP-155) could be replayed on any chain; sign it for this network's chain.", sender, hash);
        }
        if (signedFor != chainId)
        {
            return Refuse(GatewayRules.WrongChain, $"The transaction is signed for chain {signedFor}; this network is chain {chainId}.", sender, hash);
        }
        (string? to, BigInteger? value, string? data) = transaction switch
        {
            Transaction1559 t => (t.ReceiverAddress, t.Amount, t.Data),
            Transaction2930 t => (t.ReceiverAddress, t.Amount, t.Data),
            LegacyTransactionChainId t => (t.ReceiveAddress?.ToHex(true), t.Value.ToBigIntegerFromRLPDecoded(), t.Data?.ToHex(true)),
            _ => (null, null, null),
        };
        var facts = new SignedTransactionFacts(sender.ToLowerInvariant(), hash, signedFor.Value,
            string.IsNullOrEmpty(to) || to == "0x" ? null : to.ToLowerInvariant(), value ?? BigInteger.Zero, NormalizeHex(data));
        return new RawTransactionVerdict(facts, null, null, sender, hash);
    }

    private static string NormalizeHex(string? hex) => string.IsNullOrEmpty(hex) ? "0x" : hex.StartsWith("0x", StringComparison.Ordinal) ? hex.ToLowerInvariant() : "0x" + hex.ToLowerInvariant();

    private static RawTransactionVerdict Refuse(string rule, string reason, string? sender = null, string? hash = null) =>
        new(null, rule, reason, sender?.ToLowerInvariant(), hash);
}
