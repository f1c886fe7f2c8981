using System.ComponentModel.DataAnnotations;

namespace NutPortal.Core.Configuration;

/// <summary>Settings under <c>Portal</c> in appsettings.json (environment: <c>Portal__Setting</c>).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Folder for the SQLite file and node data; relative paths are resolved from the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    public BootstrapOptions Bootstrap { get; set; } = new();

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory);
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

/// <summary>What the first start creates: the first admin and, optionally, an automation token.</summary>
public sealed class BootstrapOptions
{
    [Required]
    [EmailAddress]
    public string AdminEmail { get; set; } = "admin@nutportal.local";

    /// <summary>When unset, a password is generated and printed once to the console.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>When set at first start, registered as an Admin API token.</summary>
    [MinLength(24, ErrorMessage = "Portal:Bootstrap:ApiToken must be at least 24 characters.")]
    public string? ApiToken { get; set; }
}
