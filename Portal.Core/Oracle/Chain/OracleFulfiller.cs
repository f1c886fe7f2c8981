using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Oracle.Chain;

/// <summary>
/// Answers a finished on-chain request: NutOracle.fulfill(id, errorCode, value) signed by the network's oracle
/// account. Claimed first (Pending to Sending), so two runs never send together. Before sending, the chain is
/// asked whether the request was already fulfilled (a run that sent and died before saving): then the answer
/// on chain is recorded instead, so a request is fulfilled exactly once. A callback that reverts leaves the
/// request fulfilled with the reason in the log. <see cref="RequeueStaleAsync"/> hands claims whose run died back.
/// </summary>
public sealed partial class OracleFulfiller(
    IDbContextFactory<PortalDbContext> dbFactory, NetworkSigner signer, LiveNotifier notifier, TimeProvider clock, ILogger<OracleFulfiller> logger)
{
    public async Task<string> RunAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.OracleRequests.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is not { ChainKey: not null, IsFinished: true, Fulfilment: OracleFulfilment.Pending })
        {
            return $"Oracle request {id}: nothing to fulfil ({request?.Status}, {request?.Fulfilment}).";
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.OracleRequests.Where(r => r.Id == id && r.Fulfilment == OracleFulfilment.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Fulfilment, OracleFulfilment.Sending).SetProperty(r => r.FulfilmentClaimedAt, now), ct);
        if (claimed == 0)
        {
            return $"Oracle request {id} is being fulfilled by another run.";
        }
        await db.Entry(request).ReloadAsync(ct);
        var errorCode = OracleAbi.ErrorCode(request);
        try
        {
            var deployment = await db.OracleDeployments.AsNoTracking().SingleOrDefaultAsync(d => d.NetworkId == request.NetworkId, ct)
                ?? throw new ContractFailureException(ContractFailureKind.NotFound, "network", "The network no longer has an oracle contract.");
            var requestId = BigInteger.Parse(request.CallerRequestId!, CultureInfo.InvariantCulture);
            if (await OnChainAsync(deployment, requestId, ct) is { } earlier)
            {
                Record(request, earlier);
            }
            else
            {
                var data = OracleAbi.Fulfill.EncodeCall(requestId, errorCode, OracleAbi.EncodeValue(request));
                // The portal's own oracle key answers: infrastructure, exempt from the rules for users' transactions (policy access, identity).
                var receipt = await signer.SendAsAsync(request.NetworkId, OracleChainDeployer.Account(deployment), deployment.ContractAddress, data, 0, CancellationToken.None);
                var log = FulfilledLog(receipt.Logs);
                if (!receipt.Succeeded && await OnChainAsync(deployment, requestId, CancellationToken.None) is { } other)
                {
                    log = other; // another run's fulfilment got there first ("already fulfilled")
                }
                if (log is not null)
                {
                    Record(request, log);
                }
                else
                {
                    request.FulfilmentTx = receipt.TransactionHash;
                    request.Fulfilment = OracleFulfilment.Failed;
                    request.FulfilmentError = "The fulfilment transaction reverted.";
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            request.Fulfilment = OracleFulfilment.Failed;
            request.FulfilmentError = ex.Message.Length > 480 ? ex.Message[..480] : ex.Message;
        }
        request.FulfilledAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        LogFulfilled(logger, id, request.NetworkId, errorCode, request.Fulfilment.Value, request.FulfilmentTx ?? "", request.FulfilmentError ?? "");
        await notifier.PublishAsync(new OracleRequestChanged(id, request.NetworkId, request.UserId, request.Status));
        return $"Oracle request {id}: {request.Fulfilment} with error code {errorCode}" + (request.FulfilmentError is { } e ? $": {e}" : "");
    }

    /// <summary>
    /// Claims older than <paramref name="olderThan"/> still Sending belong to runs that died (the portal was killed
    /// between claiming and saving): they go back to Pending and their fulfilment is queued again, which first asks
    /// the chain whether the dead run's transaction got there. Returns the requests handed back.
    /// </summary>
    public async Task<IReadOnlyList<long>> RequeueStaleAsync(TimeSpan olderThan, IOracleQueue queue, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - olderThan;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stale = await db.OracleRequests
            .Where(r => r.Fulfilment == OracleFulfilment.Sending && (r.FulfilmentClaimedAt == null || r.FulfilmentClaimedAt < cutoff))
            .Select(r => r.Id).ToListAsync(ct);
        var handedBack = new List<long>();
        foreach (var id in stale)
        {
            var reset = await db.OracleRequests
                .Where(r => r.Id == id && r.Fulfilment == OracleFulfilment.Sending && (r.FulfilmentClaimedAt == null || r.FulfilmentClaimedAt < cutoff))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Fulfilment, OracleFulfilment.Pending), ct);
            if (reset == 1)
            {
                LogRequeued(logger, id);
                queue.EnqueueFulfilment(id);
                handedBack.Add(id);
            }
        }
        return handedBack;
    }

    /// <summary>The OracleFulfilled event for the request, if any transaction fulfilled it.</summary>
    private async Task<RpcLog?> OnChainAsync(OracleDeployment deployment, BigInteger requestId, CancellationToken ct)
    {
        var rpc = await signer.RpcAsync(deployment.NetworkId, ct);
        var logs = await rpc.GetLogsAsync(new RpcLogFilter
        {
            FromBlock = 0UL,
            Address = [deployment.ContractAddress],
            Topics = [[Hex.Encode(OracleAbi.Fulfilled.Topic)], [Hex.Encode(AbiEncoder.Encode([AbiType.UnsignedInteger(256)], [requestId]))]],
        }, ct);
        return logs.Count > 0 ? logs[0] : null;
    }

    private static RpcLog? FulfilledLog(IEnumerable<RpcLog> logs)
    {
        var topic = Hex.Encode(OracleAbi.Fulfilled.Topic);
        return logs.FirstOrDefault(l => l.Topics.Count > 0 && string.Equals(l.Topics[0], topic, StringComparison.OrdinalIgnoreCase));
    }

    private static void Record(OracleRequest request, RpcLog fulfilled)
    {
        var delivered = OracleAbi.Fulfilled.DecodeLog([.. fulfilled.Topics.Select(Hex.Decode)], Hex.Decode(fulfilled.Data))[2] is true;
        request.FulfilmentTx = fulfilled.TransactionHash;
        request.Fulfilment = OracleFulfilment.Fulfilled;
        request.FulfilmentError = delivered ? null : "Fulfilled on chain, but the consumer's callback reverted or ran out of gas.";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Oracle request {Id}: its fulfilment run died after claiming it; queued again (the chain is checked before anything is sent)")]
    private static partial void LogRequeued(ILogger logger, long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Oracle request {Id} on {NetworkId}: error code {ErrorCode}, {Fulfilment} {Tx} {Error}")]
    private static partial void LogFulfilled(ILogger logger, long id, string networkId, int errorCode, OracleFulfilment fulfilment, string tx, string error);
}
