using System.ComponentModel.DataAnnotations;

namespace NutPortal.Web.Hosting;

/// <summary>Settings under <c>Portal:Http</c>.</summary>
public sealed class WebOptions
{
    public const string Section = "Portal:Http";

    /// <summary>Largest request body accepted, in bytes (default 8 MiB).</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 8L * 1024 * 1024;
}
