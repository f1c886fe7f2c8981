namespace NutPortal.Core.DappStore;

public enum DappState
{
    Draft,
    Published,
    Unlisted,
}

/// <summary>How a DApp is used in the portal: forms generated from its contracts' ABIs, or an uploaded static bundle.</summary>
public enum DappFrontEnd
{
    Generated,
    Bundle,
}

/// <summary>A decentralized application listed in the store: what it is, the network it runs on and its contracts.</summary>
public sealed class Dapp
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Summary { get; set; }

    /// <summary>Markdown as written; rendered and sanitized when shown.</summary>
    public required string Description { get; set; }

    public required string Category { get; set; }

    public required string NetworkId { get; set; }

    public required string OrganizationId { get; set; }

    public required string OwnerId { get; set; }

    public required string OwnerName { get; set; }

    public DappState State { get; set; }

    public DappFrontEnd FrontEnd { get; set; }

    /// <summary>The bundle served as the front end (the newest upload), when <see cref="FrontEnd"/> is Bundle.</summary>
    public long? BundleId { get; set; }

    /// <summary>PNG, JPEG, GIF or WebP bytes, checked by their signature.</summary>
    public byte[]? Icon { get; set; }

    public string? IconContentType { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public List<DappContract> Contracts { get; set; } = [];
}

/// <summary>A contract of a DApp: one the portal deployed on the DApp's network from a saved project version.</summary>
public sealed class DappContract
{
    public required string DappId { get; set; }

    public long DeployedContractId { get; set; }
}

/// <summary>An uploaded static front end, one per upload (a DApp version); its files live under the data directory.</summary>
public sealed class DappBundle
{
    public long Id { get; set; }

    public required string DappId { get; set; }

    /// <summary>1, 2, 3 ... within the DApp.</summary>
    public int Version { get; set; }

    /// <summary>Random key in the serving path (/dapp-bundles/{key}/...): only those who may see the DApp learn it.</summary>
    public required string Key { get; set; }

    public int FileCount { get; set; }

    public long TotalBytes { get; set; }

    public required string EntryPoint { get; set; }

    public required string UploadedBy { get; set; }

    public DateTime UploadedAt { get; set; }
}
