using System.ComponentModel.DataAnnotations;

namespace NutPortal.Core.Oracle;

/// <summary>Settings under <c>Portal:Oracle</c>: the gRPC endpoint and the queue's caps and limits.</summary>
public sealed class OracleOptions : IValidatableObject
{
    public const string Section = "Portal:Oracle";

    /// <summary>Where the gRPC service listens (h2c, e.g. http://localhost:5081); empty: no gRPC endpoint.</summary>
    public string? GrpcUrl { get; set; }

    /// <summary>Largest answer body read; a longer one fails the request.</summary>
    [Range(1, 64 << 20)]
    public int MaxResponseBytes { get; set; } = 1 << 20;

    /// <summary>How much of the answer body is kept in the log.</summary>
    [Range(0, 1 << 20)]
    public int StoredBodyBytes { get; set; } = 4096;

    [Range(1, 64 << 10)]
    public int MaxRequestBodyBytes { get; set; } = 16 << 10;

    [Range(100, 120_000)]
    public int DefaultTimeoutMs { get; set; } = 10_000;

    [Range(100, 120_000)]
    public int MaxTimeoutMs { get; set; } = 30_000;

    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 3;

    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry waits this long; each next one twice as long.</summary>
    [Range(0.01, 3600)]
    public double RetryBaseSeconds { get; set; } = 2;

    /// <summary>gRPC calls per API token per minute.</summary>
    [Range(1, 1_000_000)]
    public int CallsPerTokenPerMinute { get; set; } = 600;

    /// <summary>HTTP calls per caller (network + contract, or user) per minute; more wait for the next window.</summary>
    [Range(1, 1_000_000)]
    public int CallsPerCallerPerMinute { get; set; } = 120;

    /// <summary>HTTP calls per target host per minute; more wait for the next window.</summary>
    [Range(1, 1_000_000)]
    public int CallsPerHostPerMinute { get; set; } = 300;

    /// <summary>How often the oracle contracts' request events are read.</summary>
    [Range(50, 60_000)]
    public int FollowIntervalMilliseconds { get; set; } = 1000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(GrpcUrl))
        {
            yield break;
        }
        if (!Uri.TryCreate(GrpcUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.IsDefaultPort && !GrpcUrl.Contains(":80", StringComparison.Ordinal) || uri.Port == 0)
        {
            yield return new ValidationResult($"{Section}:GrpcUrl must be an http:// URL with an explicit port (h2c), e.g. http://localhost:5081; got '{GrpcUrl}'.", [nameof(GrpcUrl)]);
        }
        if (MaxTimeoutMs < DefaultTimeoutMs)
        {
            yield return new ValidationResult($"{Section}:MaxTimeoutMs must be at least DefaultTimeoutMs.", [nameof(MaxTimeoutMs)]);
        }
    }
}
