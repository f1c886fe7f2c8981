using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Contracts;

/// <summary>What to deploy: an artifact (from a compile or a saved version) and its constructor arguments.</summary>
/// <param name="OrganizationId">The consortium member organization deploying with its own account; null for the network's accounts.</param>
/// <param name="ActingUser">The user deploying (the deployment meets the network's rules for users' transactions); null only for the portal's own contracts (the oracle's).</param>
public sealed record DeployRequest(
    string NetworkId, ContractArtifact Artifact, string CompilerVersion, JsonElement? ConstructorArguments, string? ProjectId, int? VersionNumber, string User,
    string? OrganizationId = null, Gateway.UserTransaction? ActingUser = null);

/// <summary>Deploys a contract with the network's funded account and records address → ABI.</summary>
public sealed class ContractDeployer(
    IDbContextFactory<PortalDbContext> dbFactory, NetworkSigner signer, ContractProjects projects, DeployGate gate, TimeProvider clock)
{
    public async Task<DeployedContract> DeployAsync(DeployRequest request, CancellationToken ct = default)
    {
        if (request is { ProjectId: { } projectId, VersionNumber: { } number })
        {
            var version = await projects.GetVersionAsync(projectId, number, ct)
                ?? throw new ContractFailureException(ContractFailureKind.NotFound, "version", $"Project {projectId} has no version {number}.");
            await gate.EnsureAllowedAsync(version, request.User, ct);
        }
        var abi = ContractAbi.Parse(request.Artifact.Abi);
        if (string.IsNullOrEmpty(request.Artifact.Bytecode))
        {
            throw new ContractFailureException(ContractFailureKind.InvalidInput, "contractName", $"{request.Artifact.Name} has no bytecode (abstract contract or interface).");
        }
        var args = AbiArguments.Parse(abi.Constructor?.Inputs ?? [], request.ConstructorArguments, "constructorArguments");
        var bytecode = Hex.Decode(request.Artifact.Bytecode);
        var data = abi.Constructor is { } ctor ? ctor.EncodeDeploy(bytecode, args) : bytecode;
        var receipt = await signer.SendAsync(request.NetworkId, null, data, 0, request.OrganizationId, request.ActingUser, ct);
        if (!receipt.Succeeded || receipt.ContractAddress is null)
        {
            throw new ContractFailureException(ContractFailureKind.Reverted, "constructorArguments", $"Deployment transaction {receipt.TransactionHash} reverted.");
        }
        var deployed = new DeployedContract
        {
            NetworkId = request.NetworkId,
            Address = receipt.ContractAddress.ToLowerInvariant(),
            ContractName = request.Artifact.Name,
            ProjectId = request.ProjectId,
            VersionNumber = request.VersionNumber,
            AbiJson = request.Artifact.Abi,
            CompilerVersion = request.CompilerVersion,
            TransactionHash = receipt.TransactionHash,
            DeployedBy = request.User,
            DeployedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.DeployedContracts.Add(deployed);
        await db.SaveChangesAsync(ct);
        return deployed;
    }

    public async Task<IReadOnlyList<DeployedContract>> ListAsync(string networkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DeployedContracts.AsNoTracking().Where(d => d.NetworkId == networkId).OrderByDescending(d => d.Id).ToListAsync(ct);
    }

    public async Task<DeployedContract?> FindAsync(string networkId, string address, CancellationToken ct = default)
    {
        var key = address.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DeployedContracts.AsNoTracking().SingleOrDefaultAsync(d => d.NetworkId == networkId && d.Address == key, ct);
    }
}
