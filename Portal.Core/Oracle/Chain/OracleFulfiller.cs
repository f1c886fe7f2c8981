using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Oracle.Chain;

/// <summary>
/// Answers a finished on-chain request: NutOracle.fulfill(id, errorCode, value) signed by the network's oracle
/// account. Claimed first (Pending to Sending), so a request is sent at most once; the contract refuses a second
/// fulfilment anyway. A callback that reverts leaves the request fulfilled with the reason in the log.
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
        var claimed = await db.OracleRequests.Where(r => r.Id == id && r.Fulfilment == OracleFulfilment.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Fulfilment, OracleFulfilment.Sending), ct);
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
            var data = OracleAbi.Fulfill.EncodeCall(BigInteger.Parse(request.CallerRequestId!, CultureInfo.InvariantCulture), errorCode, OracleAbi.EncodeValue(request));
            // The portal's own oracle key answers: infrastructure, exempt from the rules for users' transactions (policy access, identity).
            var receipt = await signer.SendAsAsync(request.NetworkId, OracleChainDeployer.Account(deployment), deployment.ContractAddress, data, 0, CancellationToken.None);
            request.FulfilmentTx = receipt.TransactionHash;
            request.Fulfilment = receipt.Succeeded ? OracleFulfilment.Fulfilled : OracleFulfilment.Failed;
            request.FulfilmentError = !receipt.Succeeded ? "The fulfilment transaction reverted."
                : Delivered(receipt) ? null
                : "Fulfilled on chain, but the consumer's callback reverted or ran out of gas.";
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

    private static bool Delivered(Ethereum.JsonRpc.RpcReceipt receipt)
    {
        var topic = Hex.Encode(OracleAbi.Fulfilled.Topic);
        var log = receipt.Logs.FirstOrDefault(l => l.Topics.Count > 0 && string.Equals(l.Topics[0], topic, StringComparison.OrdinalIgnoreCase));
        return log is not null && OracleAbi.Fulfilled.DecodeLog([.. log.Topics.Select(Hex.Decode)], Hex.Decode(log.Data))[2] is true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Oracle request {Id} on {NetworkId}: error code {ErrorCode}, {Fulfilment} {Tx} {Error}")]
    private static partial void LogFulfilled(ILogger logger, long id, string networkId, int errorCode, OracleFulfilment fulfilment, string tx, string error);
}
