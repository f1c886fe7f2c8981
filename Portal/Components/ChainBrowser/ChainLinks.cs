namespace NutPortal.Web.Components.ChainBrowser;

/// <summary>The chain browser's page addresses, relative to the portal's base, and how long hashes are shortened.</summary>
internal static class ChainLinks
{
    public static string Home(string networkId, long? from = null) => from is { } f ? $"networks/{networkId}/chain?from={f}" : $"networks/{networkId}/chain";

    public static string Block(string networkId, object key) => $"networks/{networkId}/chain/blocks/{key}";

    public static string Transaction(string networkId, string id) => $"networks/{networkId}/chain/tx/{id}";

    public static string Address(string networkId, string address) => $"networks/{networkId}/chain/address/{Uri.EscapeDataString(address)}";

    public static string Of(string networkId, NutPortal.Core.Networks.ChainSearchHit hit) => hit.Kind switch
    {
        "transaction" => Transaction(networkId, hit.Key),
        "address" => Address(networkId, hit.Key),
        _ => Block(networkId, hit.Key),
    };

    public static string Short(string? hash) => hash is null ? "—" : hash.Length > 20 ? $"{hash[..10]}…{hash[^8..]}" : hash;
}
