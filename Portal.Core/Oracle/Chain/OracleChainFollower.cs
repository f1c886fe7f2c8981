using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Oracle.Chain;

/// <summary>
/// Reads NutOracle's request events on every network with a deployed oracle, from the block after the last one
/// read, and stores each as an oracle request (once: its chain key is unique), which the queue then runs.
/// </summary>
public sealed partial class OracleChainFollower(
    IDbContextFactory<PortalDbContext> dbFactory, NetworkSigner signer, OracleService oracle, OrganizationAccess access, ILogger<OracleChainFollower> logger)
{
    private const ulong MaxBlocksPerRead = 1000;

    /// <summary>One pass over every deployment; a network that is down is skipped until it runs again.</summary>
    public async Task FollowOnceAsync(CancellationToken ct)
    {
        List<OracleDeployment> deployments;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            deployments = await db.OracleDeployments.AsNoTracking().ToListAsync(ct);
        }
        foreach (var deployment in deployments)
        {
            try
            {
                await FollowAsync(deployment, ct);
            }
            catch (Exception ex) when (ex is ContractFailureException or JsonRpcClientException or HttpRequestException or TimeoutException)
            {
                LogUnreachable(logger, deployment.NetworkId, ex.Message);
            }
        }
    }

    private async Task FollowAsync(OracleDeployment deployment, CancellationToken ct)
    {
        var rpc = await signer.RpcAsync(deployment.NetworkId, ct);
        var head = await rpc.GetBlockNumberAsync(ct);
        var from = (ulong)deployment.NextBlock;
        if (from > head)
        {
            return;
        }
        var to = Math.Min(head, from + MaxBlocksPerRead - 1);
        var logs = await rpc.GetLogsAsync(new RpcLogFilter
        {
            FromBlock = from,
            ToBlock = to,
            Address = [deployment.ContractAddress],
            Topics = [[Hex.Encode(OracleAbi.Requested.Topic)]],
        }, ct);
        var caller = logs.Any() ? await CallerAsync(deployment, ct) : null;
        foreach (var log in logs.Where(l => !l.Removed))
        {
            var values = OracleAbi.Requested.DecodeLog([.. log.Topics.Select(Hex.Decode)], Hex.Decode(log.Data));
            var requestId = ((BigInteger)values[0]!).ToString(CultureInfo.InvariantCulture);
            var submission = new OracleSubmission(
                deployment.NetworkId,
                (string)values[2]!,
                Selector: (string)values[3]!,
                ResultType: (int)(BigInteger)values[4]! switch
                {
                    1 => OracleResultType.Int256,
                    2 => OracleResultType.Bool,
                    3 => OracleResultType.Bytes,
                    4 => OracleResultType.Tuple,
                    _ => OracleResultType.String,
                },
                Decimals: (int)(BigInteger)values[5]!,
                Contract: values[1]!.ToString(),
                CallerRequestId: requestId,
                Callback: Hex.Encode((byte[])values[6]!));
            await oracle.SubmitAsync(caller!, submission, ct, chainKey: $"{deployment.ContractAddress}:{requestId}");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.OracleDeployments.Where(d => d.NetworkId == deployment.NetworkId && d.NextBlock == deployment.NextBlock)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextBlock, (long)to + 1), ct);
    }

    /// <summary>
    /// A contract's requests act for the organization that owns its network: they may read (as network sources) only
    /// the networks that organization sees, its own and the consortium networks shared with it.
    /// </summary>
    private async Task<OracleCaller> CallerAsync(OracleDeployment deployment, CancellationToken ct)
    {
        string? owner;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            owner = await db.Networks.Where(n => n.Id == deployment.NetworkId).Select(n => n.OrganizationId).FirstOrDefaultAsync(ct);
        }
        if (owner is null)
        {
            return new OracleCaller(deployment.DeployedBy, null, SeesAll: true, MaySubmit: true, NetworkIds: []); // the network is gone: nothing to read for it
        }
        var organization = new Caller("oracle:" + deployment.NetworkId, "NutOracle", false,
            new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal) { [owner] = new HashSet<string>(StringComparer.Ordinal) }, owner);
        return new OracleCaller(deployment.DeployedBy, null, SeesAll: true, MaySubmit: true, NetworkIds: await access.NetworkIdsAsync(organization, currentOnly: false, ct));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Oracle follower: network {NetworkId} not reachable now: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string networkId, string reason);
}
