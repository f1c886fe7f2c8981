using System.Collections.Concurrent;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Core.Traces;

namespace NutPortal.Core.Contracts;

/// <summary>
/// Signs transactions with a network's first funded account (keys from <see cref="NetworkAccountKeys"/>) and
/// sends them raw. Sends on one network are serialised in this process; another replica of the portal signing
/// with the same account can still take the nonce first, so a nonce the node refuses is fetched again and the
/// transaction re-signed (a few times) instead of failing the user's deploy. Each send records its
/// built-and-signed and submitted stages, so its trace waterfall starts where the portal's work started.
/// </summary>
public sealed class NetworkSigner(
    IDbContextFactory<PortalDbContext> dbFactory, NetworkAccountKeys keys, NetworkRpc networkRpc, IOptions<ContractOptions> options,
    TraceRecorder traces, TimeProvider clock, SecurityPolicy.PolicyEnforcer policy, Gateway.UserTransactionGuard userGuard)
{
    private const int NonceAttempts = 5;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>An RPC client for a running node of the network; throws <see cref="ContractFailureException"/> otherwise.</summary>
    public Task<IJsonRpcClient> RpcAsync(string networkId, CancellationToken ct) => networkRpc.ForAsync(networkId, ct);

    /// <summary>The address that signs for the network, or for a member organization of it.</summary>
    public Task<string> SenderAsync(string networkId, CancellationToken ct) => SenderAsync(networkId, null, ct);

    public async Task<string> SenderAsync(string networkId, string? organizationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await AccountAsync(db, networkId, organizationId, ct)).Address.ToLowerInvariant();
    }

    /// <summary>Signs (EIP-1559), sends raw and waits for the receipt. <paramref name="to"/> null creates a contract. A consortium
    /// member organization (<paramref name="organizationId"/>) signs with its own account, the operator with the network's.
    /// This overload is for the portal's own infrastructure (the identity registry, the faucet, the oracle's funding):
    /// exempt from the network's access rules and identity requirement, which govern users' transactions.</summary>
    public Task<RpcReceipt> SendAsync(string networkId, string? to, byte[] data, BigInteger value, CancellationToken ct) =>
        SendAsync(networkId, to, data, value, null, null, ct);

    /// <param name="user">The user the transaction is sent for (checked like the gateway checks it); null only for the portal's own infrastructure.</param>
    public async Task<RpcReceipt> SendAsync(string networkId, string? to, byte[] data, BigInteger value, string? organizationId, Gateway.UserTransaction? user, CancellationToken ct)
    {
        await RpcAsync(networkId, ct);  // a network without a running node says so first, as it did before accounts were looked up
        NetworkAccount account;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            account = await AccountAsync(db, networkId, organizationId, ct);
        }
        using var key = keys.Unprotect(account);
        return await SendSignedByAsync(networkId, key, to, data, value, user, ct);
    }

    /// <summary>The same, signed by another account of the network (the oracle account), its key protected as <see cref="NetworkAccountKeys"/> protects keys.
    /// Only the portal's own infrastructure signs this way (the oracle's fulfilments): exempt from the rules for users' transactions.</summary>
    public async Task<RpcReceipt> SendAsAsync(string networkId, NetworkAccount account, string? to, byte[] data, BigInteger value, CancellationToken ct)
    {
        using var key = keys.Unprotect(account);
        return await SendSignedByAsync(networkId, key, to, data, value, null, ct);
    }

    /// <summary>
    /// Signs with <paramref name="key"/> (a wallet account's, say), sends raw and waits for the receipt. Sends by one key on
    /// one network are serialised in this process (one signer per key per chain), so each takes the next nonce.
    /// A <paramref name="user"/>'s transaction first meets the gateway's rules (<see cref="Gateway.UserTransactionGuard"/>):
    /// the policy's access rules and the identity requirement; a refusal is recorded and nothing is signed. Null
    /// <paramref name="user"/> is the portal's own infrastructure (oracle fulfilments, the identity registry, faucet and
    /// oracle funding from the network's account): exempt from both, as the portal runs these for the network itself.
    /// </summary>
    public async Task<RpcReceipt> SendSignedByAsync(string networkId, PrivateKey key, string? to, byte[] data, BigInteger value, Gateway.UserTransaction? user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var rpc = await RpcAsync(networkId, ct);
        var senderOrganizations = user is null ? [] : await userGuard.CheckAsync(networkId, user, key, to, data, ct);
        // The network's security policy before anything is signed: personal data rejected, or encrypted in place (ABI known).
        data = await policy.PrepareAsync(networkId, to, data, senderOrganizations, ct);
        var from = key.Address.ToLowerHex();
        var gate = _locks.GetOrAdd(networkId + "/" + from, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        string hash;
        try
        {
            var started = clock.GetUtcNow().UtcDateTime;
            var request = new RpcTransactionRequest { From = from, To = to, Input = Hex.Encode(data), Value = value };
            var gas = await EstimateAsync(rpc, request, ct);
            var chainId = await rpc.GetChainIdAsync(ct);
            for (var attempt = 1; ; attempt++)
            {
                var nonce = await rpc.GetTransactionCountAsync(from, BlockParameter.Pending, ct);
                var baseFee = (await rpc.GetBlockByNumberAsync(BlockParameter.Latest, ct))?.BaseFeePerGas ?? 0;
                var (maxFee, tip) = FeesFor(baseFee);
                var tx = new Transaction
                {
                    Type = TransactionType.DynamicFee,
                    ChainId = chainId,
                    Nonce = nonce,
                    MaxPriorityFeePerGas = tip,
                    MaxFeePerGas = maxFee,
                    GasLimit = GasLimitFor(gas),
                    To = to is null ? null : Address.Parse(to),
                    Value = value,
                    Data = data,
                }.Sign(key);
                var signedAt = clock.GetUtcNow().UtcDateTime;
                try
                {
                    hash = await rpc.SendRawTransactionAsync(Hex.Encode(tx.Encode()), ct);
                }
                catch (JsonRpcException e) when (attempt < NonceAttempts && IsNonceTaken(e))
                {
                    continue;
                }
                await traces.RecordSubmissionAsync(networkId, hash, started, signedAt, clock.GetUtcNow().UtcDateTime, ct);
                break;
            }
        }
        finally
        {
            gate.Release();
        }
        return await rpc.WaitForTransactionReceiptAsync(hash, TimeSpan.FromSeconds(options.Value.ReceiptTimeoutSeconds), ct: ct);
    }

    /// <summary>The fees the signer offers over a block's base fee: (max fee per gas, priority tip), in wei.</summary>
    public static (BigInteger MaxFeePerGas, BigInteger Tip) FeesFor(BigInteger baseFee)
    {
        var tip = BigInteger.Pow(10, 9);
        return ((baseFee * 2) + tip, tip);
    }

    /// <summary>The gas limit the signer sets over the node's estimate (a fifth more, for state that moves in between).</summary>
    public static ulong GasLimitFor(ulong estimate) => estimate + (estimate / 5);

    /// <summary>
    /// The node's ways of saying "that nonce is already used" (geth and anvil wordings). Two replicas sending the
    /// same call build byte-identical transactions, which anvil calls "already imported".
    /// </summary>
    private static bool IsNonceTaken(JsonRpcException e) =>
        e.Message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("already imported", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("already known", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("replacement transaction underpriced", StringComparison.OrdinalIgnoreCase);

    private static async Task<ulong> EstimateAsync(IJsonRpcClient rpc, RpcTransactionRequest request, CancellationToken ct)
    {
        try
        {
            return await rpc.EstimateGasAsync(request, ct);
        }
        catch (JsonRpcException e)
        {
            // The node runs the transaction to estimate it: a revert shows up here, before anything is signed.
            throw new ContractFailureException(ContractFailureKind.Reverted, "transaction", $"The transaction would fail: {e.Message}");
        }
    }

    private static async Task<NetworkAccount> AccountAsync(PortalDbContext db, string networkId, string? organizationId, CancellationToken ct) =>
        organizationId is null ? await FirstAccountAsync(db, networkId, ct)
        : await db.NetworkAccounts.AsNoTracking().Where(a => a.NetworkId == networkId && a.OrganizationId == organizationId).OrderBy(a => a.Id).FirstOrDefaultAsync(ct)
          ?? throw new ContractFailureException(ContractFailureKind.NotRunning, "network",
              "Your organization has no account of its own on this network yet; its operators (or the consortium's) make it on the network page, under Consortium.");

    private static async Task<NetworkAccount> FirstAccountAsync(PortalDbContext db, string networkId, CancellationToken ct) =>
        await db.NetworkAccounts.AsNoTracking().Where(a => a.NetworkId == networkId && a.OrganizationId == null).OrderBy(a => a.Id).FirstOrDefaultAsync(ct)
        ?? throw new ContractFailureException(ContractFailureKind.NotRunning, "network", "The network has no funded account to sign with.");
}
