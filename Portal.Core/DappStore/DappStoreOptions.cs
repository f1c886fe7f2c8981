using System.ComponentModel.DataAnnotations;

namespace NutPortal.Core.DappStore;

/// <summary>Settings under <c>Portal:DappStore</c>: the limits on an uploaded front-end bundle.</summary>
public sealed class DappStoreOptions
{
    public const string Section = "Portal:DappStore";

    /// <summary>Largest zip accepted, in bytes (default 5 MiB).</summary>
    [Range(1024, 1L << 30)]
    public long MaxBundleBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Most bytes a bundle may expand to, counted while decompressing (default 25 MiB).</summary>
    [Range(1024, 4L << 30)]
    public long MaxExpandedBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Most entries (files and folders) in a bundle (default 500).</summary>
    [Range(1, 100_000)]
    public int MaxFiles { get; set; } = 500;

    /// <summary>Requests a DApp front end's provider answers per second, sustained (default 20); more get -32005 at once.</summary>
    [Range(1, 10_000)]
    public int ProviderRequestsPerSecond { get; set; } = 20;

    /// <summary>Requests the provider answers in a burst before the rate applies (default 60).</summary>
    [Range(1, 100_000)]
    public int ProviderBurst { get; set; } = 60;
}
