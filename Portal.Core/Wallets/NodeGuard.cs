using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.Wallets;

/// <summary>A node that does not answer (timeout, transport failure, garbage) becomes a clear
/// <see cref="WalletFailureKind.Unavailable"/> instead of an error page; node error objects are handled where they mean something.</summary>
internal static class NodeGuard
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (JsonRpcClientException e) when (e is not JsonRpcException)
        {
            throw new WalletFailureException(WalletFailureKind.Unavailable, "network", $"The network's node did not answer: {e.Message}");
        }
    }
}
