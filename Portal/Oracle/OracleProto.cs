using Google.Protobuf;
using NutPortal.Core.Oracle;
using NutPortal.Oracle.V1;
using ProtoRequest = NutPortal.Oracle.V1.OracleRequest;
using StoredRequest = NutPortal.Core.Oracle.OracleRequest;

namespace NutPortal.Web.Oracle;

/// <summary>Between the .proto's messages and the stored request.</summary>
internal static class OracleProto
{
    public static OracleSubmission ToSubmission(ProtoRequest r) => new(
        r.Caller?.NetworkId ?? "",
        r.Url,
        r.Method,
        r.Headers.Count > 0 ? r.Headers.ToDictionary(h => h.Key, h => h.Value) : null,
        r.Body.IsEmpty ? null : r.Body.ToByteArray(),
        r.TimeoutMs == 0 ? null : (int)Math.Min(r.TimeoutMs, int.MaxValue),
        r.ResultType == ResultType.Tuple && r.Fields.Count > 0
            ? string.Join("; ", r.Fields.Select(f => $"{FromProto(f.Type).ToString().ToLowerInvariant()}{(f.Decimals > 0 ? $":{f.Decimals}" : "")} {f.Selector}"))
            : r.Selector,
        FromProto(r.ResultType),
        (int)Math.Min(r.Decimals, 1000),
        r.Caller?.Contract,
        r.Caller?.RequestId,
        r.Callback,
        r.HasRetries ? (int)Math.Min(r.Retries, 1000) : null,
        FromProto(r.NetworkSource));

    private static OracleNetworkSource? FromProto(NetworkSource? source) => source switch
    {
        null => null,
        { ReadCase: NetworkSource.ReadOneofCase.Call } => new(source.NetworkId, Contract: source.Call.Contract, Method: source.Call.Method,
            ArgsJson: string.IsNullOrWhiteSpace(source.Call.ArgsJson) ? null : source.Call.ArgsJson),
        _ => new(source.NetworkId, source.Balance?.Address ?? "", string.IsNullOrWhiteSpace(source.Balance?.Asset) ? null : source.Balance.Asset),
    };

    private static NetworkSource? ToProto(string url) => OracleNetworkSource.IsSourceUrl(url) && OracleNetworkSource.Parse(url).Source is { } s
        ? s.IsBalance
            ? new NetworkSource { NetworkId = s.NetworkId, Balance = new BalanceRead { Address = s.Address ?? "", Asset = s.Asset ?? "" } }
            : new NetworkSource { NetworkId = s.NetworkId, Call = new ContractCallRead { Contract = s.Contract ?? "", Method = s.Method ?? "", ArgsJson = s.ArgsJson ?? "" } }
        : null;

    private static OracleResultType FromProto(ResultType type) => type switch
    {
        ResultType.Int256 => OracleResultType.Int256,
        ResultType.Bool => OracleResultType.Bool,
        ResultType.Bytes => OracleResultType.Bytes,
        ResultType.Tuple => OracleResultType.Tuple,
        _ => OracleResultType.String,
    };

    public static Status ToProto(OracleStatus status) => status switch
    {
        OracleStatus.Queued => Status.Queued,
        OracleStatus.Running => Status.Running,
        OracleStatus.Retrying => Status.Retrying,
        OracleStatus.Succeeded => Status.Succeeded,
        OracleStatus.Failed => Status.Failed,
        _ => Status.Unspecified,
    };

    public static OracleResult ToResult(StoredRequest r) => new()
    {
        Id = r.Id,
        LogId = r.Id,
        Status = ToProto(r.Status),
        HttpStatus = r.HttpStatus ?? 0,
        Value = r.Value ?? "",
        ResultType = r.ResultType switch
        {
            OracleResultType.Int256 => ResultType.Int256,
            OracleResultType.Bool => ResultType.Bool,
            OracleResultType.Bytes => ResultType.Bytes,
            OracleResultType.Tuple => ResultType.Tuple,
            _ => ResultType.String,
        },
        RawBody = ByteString.CopyFrom(r.RawBody ?? []),
        RawBodyTruncated = r.RawBodyTruncated,
        Error = r.Error ?? "",
        Url = r.Url,
        NetworkSource = ToProto(r.Url),
        Caller = new Caller { NetworkId = r.NetworkId, Contract = r.Contract ?? "", RequestId = r.CallerRequestId ?? "" },
        Timings = new Timings
        {
            CreatedAtUnixMs = UnixMs(r.CreatedAt),
            StartedAtUnixMs = r.StartedAt is { } s ? UnixMs(s) : 0,
            FinishedAtUnixMs = r.FinishedAt is { } f ? UnixMs(f) : 0,
            DurationMs = r.DurationMs ?? 0,
            Attempts = (uint)r.Attempts,
        },
    };

    private static long UnixMs(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
