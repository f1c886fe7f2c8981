using System.ComponentModel.DataAnnotations;

namespace NutPortal.Web.Hosting;

/// <summary>Settings under <c>Portal:Http</c>.</summary>
public sealed class WebOptions
{
    public const string Section = "Portal:Http";

    /// <summary>Largest request body accepted, in bytes (default 8 MiB).</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Longest query string (with its '?') the portal answers; longer ones get 414 with a body naming this limit.</summary>
    [Range(256, 1 << 20)]
    public int MaxQueryStringLength { get; set; } = 8192;

    /// <summary>
    /// Kestrel's request-line limit in bytes (default 16 MiB). Kept far above <see cref="MaxQueryStringLength"/> so
    /// a long URL reaches the portal's clear 414; past this Kestrel itself answers a bare 414. Kestrel's request
    /// buffer is raised to match, so one connection can hold this much before backpressure.
    /// </summary>
    [Range(8192, 64 << 20)]
    public int MaxRequestLineBytes { get; set; } = 16 << 20;

    /// <summary>How long the principal of an API-token request is reused (0: looked up on every request).</summary>
    [Range(0, 3600)]
    public int TokenPrincipalCacheSeconds { get; set; } = 30;
}
