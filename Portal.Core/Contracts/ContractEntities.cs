namespace NutPortal.Core.Contracts;

/// <summary>A contract project: a name and every saved version of its sources.</summary>
public sealed class ContractProject
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? TemplateId { get; set; }

    /// <summary>When set, a version with any high-severity scan finding cannot be deployed (the deploy gate).</summary>
    public bool BlockDeployOnHighFindings { get; set; }

    public string OrganizationId { get; set; } = Organizations.Organization.DefaultId;

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<ContractVersion> Versions { get; set; } = [];
}

/// <summary>One saved, successfully compiled version; never changes once written.</summary>
public sealed class ContractVersion
{
    public long Id { get; set; }

    public required string ProjectId { get; set; }

    /// <summary>1, 2, 3 ... within the project.</summary>
    public int Number { get; set; }

    /// <summary>Source unit name → content, as JSON.</summary>
    public required string SourcesJson { get; set; }

    public required string CompilerVersion { get; set; }

    /// <summary>Compiled contracts (<see cref="ContractArtifact"/> list) as JSON.</summary>
    public required string ArtifactsJson { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A contract the portal deployed: address → ABI (and the project version when it came from one).</summary>
public sealed class DeployedContract
{
    public long Id { get; set; }

    public required string NetworkId { get; set; }

    /// <summary>Lower-case 0x address.</summary>
    public required string Address { get; set; }

    public required string ContractName { get; set; }

    public string? ProjectId { get; set; }

    public int? VersionNumber { get; set; }

    public required string AbiJson { get; set; }

    public required string CompilerVersion { get; set; }

    public required string TransactionHash { get; set; }

    public required string DeployedBy { get; set; }

    public DateTime DeployedAt { get; set; }
}

/// <summary>A compiled contract as stored with a version and returned by the API (hex with 0x).</summary>
public sealed record ContractArtifact(string Name, string SourceName, string Abi, string Bytecode, string DeployedBytecode);
