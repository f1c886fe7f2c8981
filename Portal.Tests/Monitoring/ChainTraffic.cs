using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Monitoring;

/// <summary>Sends real signed transfers from a network's funded account (the portal's own keys and encoder).</summary>
internal static class ChainTraffic
{
    public static async Task SendTransfersAsync(PortalFactory portal, string networkId, int count)
    {
        var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await using var _ = db;
        var account = await db.NetworkAccounts.AsNoTracking().FirstAsync(a => a.NetworkId == networkId);
        var node = await db.NetworkNodes.AsNoTracking().FirstAsync(n => n.NetworkId == networkId);
        var chainId = NodeRunner.ReadProfile(await db.Networks.AsNoTracking().SingleAsync(n => n.Id == networkId)).ChainId;
        using var key = portal.Services.GetRequiredService<NetworkAccountKeys>().Unprotect(account);
        var rpc = portal.Services.GetRequiredService<IJsonRpcClientFactory>().CreateEthereum(new Uri(node.RpcUrl!));
        var nonce = await rpc.GetTransactionCountAsync(key.Address.ToString(), BlockParameter.Pending);
        var hashes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var transaction = new Transaction
            {
                ChainId = chainId,
                Nonce = nonce + (ulong)i,
                MaxPriorityFeePerGas = 1_000_000_000,
                MaxFeePerGas = 100_000_000_000,
                GasLimit = 21_000,
                To = PrivateKey.Generate().Address,
                Value = BigInteger.One,
            }.Sign(key);
            hashes.Add(await rpc.SendRawTransactionAsync(Hex.Encode(transaction.Encode())));
        }
        foreach (var hash in hashes)
        {
            await rpc.WaitForTransactionReceiptAsync(hash, TimeSpan.FromSeconds(20));
        }
    }
}
