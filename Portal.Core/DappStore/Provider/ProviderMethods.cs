using NutPortal.Core.Gateway;

namespace NutPortal.Core.DappStore.Provider;

/// <summary>The methods a DApp's provider answers. Reads are the JSON-RPC gateway's list (<see cref="GatewayRules.Relayed"/>)
/// without raw submissions: a DApp holds no key, so it sends through <c>eth_sendTransaction</c> and the user's approval.</summary>
public static class ProviderMethods
{
    public const string RequestAccounts = "eth_requestAccounts";
    public const string Accounts = "eth_accounts";
    public const string ChainId = "eth_chainId";
    public const string SendTransaction = "eth_sendTransaction";
    public const string PersonalSign = "personal_sign";
    public const string SignTypedDataV4 = "eth_signTypedData_v4";
    public const string SwitchChain = "wallet_switchEthereumChain";

    public static bool IsRead(string method) => method != GatewayRules.SendRawTransaction && GatewayRules.Relayed.Contains(method);

    /// <summary>Methods that use the connected account: 4100 before <c>eth_requestAccounts</c>.</summary>
    public static bool NeedsAccount(string method) => method is SendTransaction or PersonalSign or SignTypedDataV4;
}
