using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.ABI.EIP712;
using NutPortal.Core.Ethereum;

namespace NutPortal.Core.DappStore.Provider;

public sealed partial class DappProviderSession
{
    private const int MaxShownChars = 4000;

    /// <summary>personal_sign [message, address]: EIP-191 (Nethereum's EthereumMessageSigner hash), signed once the user approves.</summary>
    private async Task<JsonNode?> PersonalSignAsync(ProviderChain chain, JsonElement parameters, CancellationToken ct)
    {
        var message = First(parameters) is { ValueKind: JsonValueKind.String } m ? m.GetString()! : throw ProviderException.Params("personal_sign takes [message, address].");
        CheckSigner(Second(parameters), "personal_sign");
        var bytes = message.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && Hex.TryDecode(message, out var decoded) ? decoded : Encoding.UTF8.GetBytes(message);
        var preview = new SignaturePreview(_dapp.Dapp.Name, _account!.Address, "message", Readable(bytes));
        return await SignAfterApprovalAsync(preview, key => key.SignMessage(bytes).ToHex(), ct);
    }

    /// <summary>eth_signTypedData_v4 [address, typed data]: EIP-712 hashed by Nethereum's Eip712TypedDataEncoder; a domain for another chain is refused.</summary>
    private async Task<JsonNode?> SignTypedDataAsync(ProviderChain chain, JsonElement parameters, CancellationToken ct)
    {
        CheckSigner(First(parameters), "eth_signTypedData_v4");
        var json = Second(parameters) switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString()!,
            { ValueKind: JsonValueKind.Object } o => o.GetRawText(),
            _ => throw ProviderException.Params("eth_signTypedData_v4 takes [address, typedData]."),
        };
        JsonNode? typed;
        byte[] hash;
        try
        {
            typed = JsonNode.Parse(json);
            hash = Eip712TypedDataEncoder.Current.EncodeAndHashTypedData(json);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or Newtonsoft.Json.JsonException or NullReferenceException)
        {
            throw ProviderException.Params($"The typed data is not EIP-712 JSON: {e.Message}");
        }
        if (typed?["domain"]?["chainId"] is JsonValue domainChain && ChainOf(domainChain) is { } id && id != chain.ChainId)
        {
            throw new ProviderException(ProviderException.InvalidInput, $"The typed data is for chain {id}; the selected network {chain.Name} is chain {chain.ChainId}. Nothing was signed.");
        }
        var shown = typed?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? json;
        var preview = new SignaturePreview(_dapp.Dapp.Name, _account!.Address, "typed data (EIP-712)", shown.Length > MaxShownChars ? shown[..MaxShownChars] + "…" : shown);
        return await SignAfterApprovalAsync(preview, key => key.Sign(hash).ToHex(), ct);
    }

    private async Task<JsonNode?> SignAfterApprovalAsync(SignaturePreview preview, Func<Ethereum.Keys.PrivateKey, string> sign, CancellationToken ct)
    {
        if (!await ApproveAsync(() => _approvals.ApproveSignatureAsync(preview, ct)))
        {
            throw ProviderException.Rejected("signature request");
        }
        var stored = await _services.Wallets.FindAsync(_caller.UserId, _account!.Id, ct);
        using var key = _services.Keys.Unprotect(stored);
        return sign(key);
    }

    private void CheckSigner(JsonElement? address, string method)
    {
        var text = address is { ValueKind: JsonValueKind.String } a ? a.GetString() : null;
        if (!string.Equals(text, _account!.Address, StringComparison.OrdinalIgnoreCase))
        {
            throw new ProviderException(ProviderException.Unauthorized, $"{method} asks for {text ?? "no address"}; the DApp is connected to {_account.Address}.");
        }
    }

    private static long? ChainOf(JsonValue value) =>
        value.TryGetValue<long>(out var n) ? n
        : value.TryGetValue<string>(out var s) && (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(s[2..], System.Globalization.NumberStyles.HexNumber, null, out n) : long.TryParse(s, out n)) ? n : null;

    /// <summary>The message as text when it is valid UTF-8 without control characters, its hex otherwise.</summary>
    private static string Readable(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            var shown = text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') ? Hex.Encode(bytes) : text;
            return shown.Length > MaxShownChars ? shown[..MaxShownChars] + "…" : shown;
        }
        catch (DecoderFallbackException)
        {
            return Hex.Encode(bytes);
        }
    }
}
