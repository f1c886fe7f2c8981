namespace NutPortal.Core.Oracle;

/// <summary>Where an oracle request is on its way through the queue.</summary>
public enum OracleStatus
{
    Queued,
    Running,
    /// <summary>An attempt failed in a way a later one may not (timeout, 5xx, 429, connection): another is scheduled.</summary>
    Retrying,
    Succeeded,
    Failed,
}

/// <summary>How the selected JSON value is typed for its caller (and, on chain, ABI-encoded).</summary>
#pragma warning disable CA1720 // the members are the ABI types' names
public enum OracleResultType
{
    String,
    Int256,
    Bool,
    Bytes,
    /// <summary>Several values by a response mapping (<see cref="OracleMapping"/>), ABI-encoded as a tuple.</summary>
    Tuple,
}
#pragma warning restore CA1720

/// <summary>
/// One request through the oracle's queue and its answer: the row is the request's log entry. It belongs to a
/// network (the caller's chain) and to the user whose API token submitted it.
/// </summary>
public sealed class OracleRequest
{
    public long Id { get; set; }

    public required string NetworkId { get; set; }

    /// <summary>The submitting user (the API token's user, or the network's oracle contract's deployer on chain).</summary>
    public required string UserId { get; set; }

    public Guid? TokenId { get; set; }

    /// <summary>The calling contract (0x address) if any.</summary>
    public string? Contract { get; set; }

    /// <summary>The caller's own id for the request (an on-chain request id, a device's sequence number).</summary>
    public string? CallerRequestId { get; set; }

    public required string Url { get; set; }

    /// <summary>The URL's host, stored for filtering and per-host rate limits.</summary>
    public required string Host { get; set; }

    public required string Method { get; set; }

    public string? HeadersJson { get; set; }

    public byte[]? Body { get; set; }

    public int TimeoutMs { get; set; }

    public string? Selector { get; set; }

    public OracleResultType ResultType { get; set; }

    /// <summary>For Int256: the number is multiplied by 10^Decimals before it must be whole (prices as integers).</summary>
    public int Decimals { get; set; }

    public string? Callback { get; set; }

    /// <summary>How many further attempts a transient failure may get.</summary>
    public int MaxRetries { get; set; }

    public OracleStatus Status { get; set; }

    public int Attempts { get; set; }

    public int? HttpStatus { get; set; }

    /// <summary>The selected value in its canonical text: decimal for Int256, true/false, 0x hex for Bytes.</summary>
    public string? Value { get; set; }

    /// <summary>The start of the answer's body, capped at Portal:Oracle:StoredBodyBytes.</summary>
    public byte[]? RawBody { get; set; }

    public bool RawBodyTruncated { get; set; }

    public string? Error { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Milliseconds of the last attempt's HTTP exchange.</summary>
    public long? DurationMs { get; set; }

    /// <summary>On-chain requests: "{oracle contract}:{request id}", unique, so a request event is stored once.</summary>
    public string? ChainKey { get; set; }

    public OracleFulfilment? Fulfilment { get; set; }

    public string? FulfilmentTx { get; set; }

    public string? FulfilmentError { get; set; }

    public DateTime? FulfilledAt { get; set; }

    /// <summary>When a fulfilment run claimed it (Pending to Sending): a claim that old with no answer is a run that died.</summary>
    public DateTime? FulfilmentClaimedAt { get; set; }

    public bool IsFinished => Status is OracleStatus.Succeeded or OracleStatus.Failed;
}

/// <summary>Where an on-chain request's answer is on its way back: fulfilled on chain once (the contract refuses a second).</summary>
public enum OracleFulfilment
{
    Pending,
    Sending,
    Fulfilled,
    Failed,
}

/// <summary>Published when a request is stored or changes state (the page and gRPC Watch follow it).</summary>
public sealed record OracleRequestChanged(long Id, string NetworkId, string UserId, OracleStatus Status);
