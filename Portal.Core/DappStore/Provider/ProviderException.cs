namespace NutPortal.Core.DappStore.Provider;

/// <summary>
/// An error a DApp's EIP-1193 provider answers with: the EIP-1193 codes (4001 rejected by the user, 4100 not authorized,
/// 4200 unsupported method, 4902 unknown chain) and the JSON-RPC ones of EIP-1474, with a message a developer can act on.
/// </summary>
public sealed class ProviderException(int code, string message, string? data = null) : Exception(message)
{
    public const int UserRejected = 4001;
    public const int Unauthorized = 4100;
    public const int UnsupportedMethod = 4200;
    public const int UnrecognizedChain = 4902;
    public const int InvalidInput = -32000;
    public const int ResourceUnavailable = -32002;
    public const int LimitExceeded = -32005;
    public const int InvalidParams = -32602;
    public const int Internal = -32603;

    public int Code { get; } = code;

    /// <summary>Hex data (a revert's ABI-encoded reason) passed on from the node, so ethers can decode it.</summary>
    public string? ErrorData { get; } = data;

    public static ProviderException Rejected(string what) => new(UserRejected, $"The user rejected the {what}.");

    public static ProviderException Params(string message) => new(InvalidParams, message);
}
