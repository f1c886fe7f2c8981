using System.Text.Json;

namespace NutPortal.Core.Oracle;

/// <summary>
/// A request's source when it reads another portal network instead of calling a URL: an address's balance (one
/// asset, or the chain's own coin) or a read-only contract call. Written as a URL, which is how contracts name it
/// on chain and how the log stores it: <c>portal://{network}/balances/{address}[?asset=GAS]</c> or
/// <c>portal://{network}/call/{contract}/{method}[?args=[json array]]</c> (parts percent-encoded).
/// </summary>
public sealed record OracleNetworkSource(string NetworkId, string? Address = null, string? Asset = null, string? Contract = null, string? Method = null, string? ArgsJson = null)
{
    public const string UrlPrefix = "portal://";

    public bool IsBalance => Contract is null && Method is null;

    /// <summary>What the selector picks when the request names none: the balance in the asset's smallest unit, or the call's first value.</summary>
    public string DefaultSelector => IsBalance ? "units" : "values[0]";

    public static bool IsSourceUrl(string? url) => url?.StartsWith(UrlPrefix, StringComparison.OrdinalIgnoreCase) == true;

    public string ToUrl()
    {
        var path = IsBalance ? $"balances/{Escape(Address)}" : $"call/{Escape(Contract)}/{Escape(Method)}";
        var query = IsBalance ? (string.IsNullOrEmpty(Asset) ? "" : "?asset=" + Escape(Asset)) : string.IsNullOrEmpty(ArgsJson) ? "" : "?args=" + Escape(ArgsJson);
        return $"{UrlPrefix}{Escape(NetworkId)}/{path}{query}";
    }

    /// <summary>For people: "ltc-main: balance of rltc1… (LTC)" or "neo: GAS.balanceOf(…)".</summary>
    public string Describe(string networkName) => IsBalance
        ? $"{networkName}: balance of {Address}{(string.IsNullOrEmpty(Asset) ? "" : $" ({Asset})")}"
        : $"{networkName}: {Contract} {Method}{(string.IsNullOrEmpty(ArgsJson) ? "" : " " + ArgsJson)}";

    public static (OracleNetworkSource? Source, string? Error) Parse(string url)
    {
        const string Forms = "portal://{network}/balances/{address}[?asset=...] or portal://{network}/call/{contract}/{method}[?args=[...]]";
        if (!IsSourceUrl(url))
        {
            return (null, $"A network source is written {Forms}.");
        }
        var rest = url[UrlPrefix.Length..];
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        var query = (q < 0 ? "" : rest[(q + 1)..]).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).GroupBy(p => Unescape(p[0]), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last() is { Length: > 1 } p ? Unescape(p[1]) : "", StringComparer.Ordinal);
        var parts = (q < 0 ? rest : rest[..q]).Split('/').Select(Unescape).ToArray();
        return parts switch
        {
            [var network, "balances", var address] when network.Length > 0 && address.Length > 0 && query.Keys.All(k => k == "asset") =>
                (new OracleNetworkSource(network, address, Asset: query.GetValueOrDefault("asset") is { Length: > 0 } a ? a : null), null),
            [var network, "call", var contract, var method] when network.Length > 0 && contract.Length > 0 && method.Length > 0 && query.Keys.All(k => k == "args") =>
                (new OracleNetworkSource(network, Contract: contract, Method: method, ArgsJson: query.GetValueOrDefault("args") is { Length: > 0 } args ? args : null), null),
            _ => (null, $"'{(url.Length > 120 ? url[..120] + "…" : url)}' is not a network source: write {Forms}."),
        };
    }

    /// <summary>The source's own checks (whether the network exists for the caller is <see cref="OracleService"/>'s).</summary>
    public IEnumerable<OracleFieldError> Check()
    {
        if (string.IsNullOrWhiteSpace(NetworkId))
        {
            yield return new("network_source.network_id", "The network to read is required.");
        }
        if (IsBalance && string.IsNullOrWhiteSpace(Address))
        {
            yield return new("network_source.balance.address", "The address whose balance is read is required.");
        }
        if (!IsBalance && (string.IsNullOrWhiteSpace(Contract) || string.IsNullOrWhiteSpace(Method)))
        {
            yield return new("network_source.call", "A contract call needs the contract and the method.");
        }
        if (ArgsJson is { Length: > 0 } && !IsJsonArray(ArgsJson))
        {
            yield return new("network_source.call.args_json", "The arguments are a JSON array, e.g. [\"0x…\", 5].");
        }
        if (ToUrl().Length > 2048)
        {
            yield return new("network_source", "The source is too long (at most 2048 characters written as a URL).");
        }
    }

    /// <summary>The arguments as JSON values.</summary>
    public IReadOnlyList<JsonElement> Args() => string.IsNullOrEmpty(ArgsJson) ? [] : [.. JsonDocument.Parse(ArgsJson).RootElement.EnumerateArray().Select(e => e.Clone())];

    private static bool IsJsonArray(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Escape(string? part) => Uri.EscapeDataString(part ?? "");

    private static string Unescape(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));
}
