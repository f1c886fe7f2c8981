using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Options;
using NutPortal.Core.Live;
using NutPortal.Core.Oracle;
using NutPortal.Oracle.V1;

namespace NutPortal.Web.Oracle;

/// <summary>
/// The oracle's gRPC service (h2c on Portal:Oracle:GrpcUrl). Callers authenticate with an API token in the
/// metadata (the portal's Bearer scheme) and are limited per token.
/// </summary>
internal sealed class OracleGrpcService(OracleService oracle, OracleScheduler scheduler, LiveNotifier notifier, OracleTokenLimiter limiter,
    NutPortal.Core.Organizations.OrganizationAccess access) : NutPortal.Oracle.V1.Oracle.OracleBase
{
    /// <summary>Changes buffered per Watch call; when full the oldest is dropped and the watched requests are re-read.</summary>
    private const int WatchBuffer = 1024;

    public override async Task<SubmitReply> Submit(NutPortal.Oracle.V1.OracleRequest request, ServerCallContext context)
    {
        var caller = await AdmitAsync(context);
        var result = await oracle.SubmitAsync(caller, OracleProto.ToSubmission(request), context.CancellationToken);
        if (result.Request is not { } stored)
        {
            var status = result.Errors.Any(e => e.Field == "caller") ? StatusCode.PermissionDenied : StatusCode.InvalidArgument;
            throw new RpcException(new Grpc.Core.Status(status, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"))));
        }
        return new SubmitReply { Id = stored.Id, Status = OracleProto.ToProto(stored.Status), Error = stored.Error ?? "" };
    }

    public override async Task<ScheduleReply> Schedule(ScheduleRequest request, ServerCallContext context)
    {
        var caller = await AdmitAsync(context);
        var (schedule, errors) = await scheduler.CreateAsync(caller, OracleProto.ToSubmission(request.Request ?? new()), (int)Math.Min(request.EverySeconds, int.MaxValue),
            request.Cron, context.CancellationToken);
        return schedule is not null
            ? new ScheduleReply { ScheduleId = schedule.Id, Cron = schedule.Cron }
            : throw new RpcException(new Grpc.Core.Status(errors.Any(e => e.Field == "caller") ? StatusCode.PermissionDenied : StatusCode.InvalidArgument,
                string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))));
    }

    public override async Task<UnscheduleReply> Unschedule(UnscheduleRequest request, ServerCallContext context)
    {
        var caller = await AdmitAsync(context);
        return await scheduler.RemoveAsync(caller, request.ScheduleId, context.CancellationToken)
            ? new UnscheduleReply { Removed = true }
            : throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"No schedule '{request.ScheduleId}' of yours."));
    }

    public override async Task<OracleResult> Get(GetRequest request, ServerCallContext context)
    {
        var caller = await AdmitAsync(context);
        return await oracle.GetAsync(caller, request.Id, context.CancellationToken) is { } stored
            ? OracleProto.ToResult(stored)
            : throw NotFound(request.Id);
    }

    public override async Task Watch(WatchRequest request, IServerStreamWriter<OracleResult> responseStream, ServerCallContext context)
    {
        var caller = await AdmitAsync(context);
        var ct = context.CancellationToken;
        var watched = request.Ids.ToHashSet();
        var resync = 0;
        var changes = Channel.CreateBounded<long>(
            new BoundedChannelOptions(WatchBuffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Exchange(ref resync, 1));
        // Subscribed before the first read, so no change between the read and the subscription is missed.
        using var subscription = notifier.Subscribe<OracleRequestChanged>(e =>
        {
            if ((watched.Count == 0 || watched.Contains(e.Id)) && OracleAccess.CanSee(caller, e.UserId, e.NetworkId))
            {
                changes.Writer.TryWrite(e.Id);
            }
            return Task.CompletedTask;
        });
        var pending = new HashSet<long>(watched);
        foreach (var id in watched)
        {
            await SendAsync(id, mustExist: true);
        }
        while (watched.Count == 0 || pending.Count > 0)
        {
            var id = await changes.Reader.ReadAsync(ct);
            if (Interlocked.Exchange(ref resync, 0) == 1)
            {
                foreach (var missed in pending.ToList())
                {
                    await SendAsync(missed, mustExist: false);
                }
            }
            await SendAsync(id, mustExist: false);
        }

        async Task SendAsync(long id, bool mustExist)
        {
            var stored = await oracle.GetAsync(caller, id, ct);
            if (stored is null)
            {
                if (mustExist)
                {
                    throw NotFound(id);
                }
                return;
            }
            await responseStream.WriteAsync(OracleProto.ToResult(stored), ct);
            if (stored.IsFinished)
            {
                pending.Remove(id);
            }
        }
    }

    private async Task<OracleCaller> AdmitAsync(ServerCallContext context)
    {
        var caller = await OracleCallers.FromAsync(context.GetHttpContext().User, access, context.CancellationToken);
        await limiter.AdmitAsync(caller);
        return caller;
    }

    private static RpcException NotFound(long id) => new(new Grpc.Core.Status(StatusCode.NotFound, $"No oracle request {id} visible to you."));
}

/// <summary>Calls per API token per minute (Portal:Oracle:CallsPerTokenPerMinute), shared by the replicas through Redis.</summary>
internal sealed class OracleTokenLimiter(OracleRateLimits limits, IOptions<OracleOptions> options)
{
    public async Task AdmitAsync(OracleCaller caller)
    {
        if (await limits.TakeAsync(OracleRateLimits.TokenLimit, caller.TokenId?.ToString() ?? "user/" + caller.UserId) is not null)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.ResourceExhausted,
                $"More than {options.Value.CallsPerTokenPerMinute} calls a minute with this API token ({OracleRateLimits.TokenLimit})."));
        }
    }
}
