using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NutPortal.Core.Networks.Platforms;

/// <summary>One asset an address holds: <paramref name="Units"/> in the asset's smallest unit, <paramref name="Amount"/> in whole coins.</summary>
public sealed record ChainBalance(string Asset, string AssetId, string Amount, string Units, int Decimals)
{
    public static ChainBalance Of(string asset, string assetId, BigInteger units, int decimals) =>
        new(asset, assetId, Format(units, decimals), units.ToString(CultureInfo.InvariantCulture), decimals);

    /// <summary>12.34500000 for 1234500000 units of 8 decimals: exact, never through floating point.</summary>
    public static string Format(BigInteger units, int decimals)
    {
        var sign = units.Sign < 0 ? "-" : "";
        var digits = BigInteger.Abs(units).ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        return decimals == 0 ? sign + digits : $"{sign}{digits[..^decimals]}.{digits[^decimals..]}";
    }
}

/// <summary>What an address holds on a chain at a height: the native coin first, then tokens.</summary>
public sealed record ChainBalances(string Address, long Height, IReadOnlyList<ChainBalance> Balances);

/// <summary>
/// A read-only contract call: the contract (address or script hash), the method (Ethereum: a signature such as
/// <c>balanceOf(address) returns (uint256)</c>; Neo: the method name) and its arguments as JSON values.
/// </summary>
public sealed record ChainCall(string Contract, string Method, IReadOnlyList<JsonElement> Args);

/// <summary>
/// A call's answer in one shape on every platform: <paramref name="Values"/> are the returned values as JSON (the
/// decoded outputs, or the stack items' values), <paramref name="Raw"/> what the node returned as it returned it.
/// </summary>
public sealed record ChainCallResult(long Height, IReadOnlyList<JsonNode?> Values, JsonNode? Raw, long? GasConsumed);

/// <summary>Why a chain read gave no answer, as a caller should be told.</summary>
public enum ChainReadFailure
{
    /// <summary>An argument is wrong (an address of another chain, a malformed method); names the field.</summary>
    InvalidInput,

    /// <summary>The platform cannot do this read (contract calls on Litecoin).</summary>
    Unsupported,

    /// <summary>The network has no node that is up.</summary>
    NoNode,

    /// <summary>The node did not answer, or its answer made no sense.</summary>
    NodeFailed,

    /// <summary>The contract call ran and failed (reverted, faulted).</summary>
    CallFailed,

    /// <summary>The chain has no such block, transaction or address record.</summary>
    NotFound,
}

/// <summary>A chain read that gave no answer, with the field it concerns (when it is the caller's input).</summary>
public sealed class ChainReadException(ChainReadFailure failure, string? field, string message, Exception? inner = null) : Exception(message, inner)
{
    public ChainReadFailure Failure { get; } = failure;

    public string? Field { get; } = field;
}
