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
}
