using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.Traces;

/// <summary>
/// Sends a transaction the portal builds and signs, and records the stages only the portal sees (built and
/// signed, submitted) so its trace starts where the work started. Features that transact use this.
/// </summary>
public sealed class TracedSender(IJsonRpcClientFactory rpcFactory, TraceRecorder recorder, TimeProvider clock)
{
    /// <summary>Builds (nonce, fees: the caller's function), signs with <paramref name="key"/>, submits, and returns the hash.</summary>
    public async Task<string> SendAsync(string networkId, Uri node, Func<IJsonRpcClient, CancellationToken, Task<Transaction>> build, PrivateKey key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        var rpc = rpcFactory.CreateEthereum(node);
        var started = clock.GetUtcNow().UtcDateTime;
        var signed = (await build(rpc, ct)).Sign(key);
        var signedAt = clock.GetUtcNow().UtcDateTime;
        var hash = await rpc.SendRawTransactionAsync(Hex.Encode(signed.Encode()), ct);
        var submittedAt = clock.GetUtcNow().UtcDateTime;
        await recorder.RecordSubmissionAsync(networkId, hash, started, signedAt, submittedAt, ct);
        return hash;
    }
}
