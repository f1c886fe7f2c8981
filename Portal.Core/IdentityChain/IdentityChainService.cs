using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.IdentityChain;

/// <summary>
/// Organizations' identity chains: Owners and Operators upload a profile (checked, errors name the field) and deploy
/// its registry contract on an Ethereum network they may develop on; members of the organization see them. Another
/// organization's chain is not found.
/// </summary>
public sealed class IdentityChainService(
    IDbContextFactory<PortalDbContext> dbFactory, OrganizationAccess access, ContractCompiler compiler, NetworkSigner signer, TimeProvider clock)
{
    public async Task<IdentityChainProfile> CreateAsync(Caller caller, string? profileText, CancellationToken ct)
    {
        var org = caller.HomeOrganizationId ?? throw IdentityChainException.Forbidden("Choose the organization the identity chain belongs to.");
        if (!caller.CanOperateIn(org))
        {
            throw IdentityChainException.Forbidden("Uploading an identity profile needs the Owner or Operator role in the organization.");
        }
        var (profile, errors) = IdentityProfileReader.Read(profileText);
        if (profile is null)
        {
            throw IdentityChainException.Invalid(errors);
        }
        var chain = new IdentityChainProfile
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            OrganizationId = org,
            Name = profile.Name,
            ProfileJson = JsonSerializer.Serialize(profile, JsonSerializerOptions.Web),
            SignatureAlgorithm = profile.SignatureAlgorithm,
            Status = IdentityChainStatus.Draft,
            CreatedBy = caller.Name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.IdentityChainProfiles.Add(chain);
        await db.SaveChangesAsync(ct);
        return chain;
    }

    public async Task<IReadOnlyList<IdentityChainProfile>> ListAsync(Caller caller, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orgs = caller.OrganizationIds.ToList();
        return await db.IdentityChainProfiles.AsNoTracking()
            .Where(c => caller.IsAdmin || orgs.Contains(c.OrganizationId))
            .OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(ct);
    }

    /// <summary>The chain when the caller is a member of its organization (or an Admin); otherwise not found.</summary>
    public async Task<IdentityChainProfile> GetAsync(Caller caller, string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.IdentityChainProfiles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return chain is not null && (caller.IsAdmin || caller.IsMember(chain.OrganizationId)) ? chain : throw IdentityChainException.NotFound($"identity chain '{id}'");
    }

    public static IdentityProfile Profile(IdentityChainProfile chain) => JsonSerializer.Deserialize<IdentityProfile>(chain.ProfileJson, JsonSerializerOptions.Web)!;

    /// <summary>Compiles the registry (solc) and deploys it with the network's signing account; progress is kept on the chain.</summary>
    public async Task<IdentityChainProfile> DeployAsync(Caller caller, string id, string? networkId, CancellationToken ct)
    {
        var chain = await GetAsync(caller, id, ct);
        if (!caller.CanOperateIn(chain.OrganizationId))
        {
            throw IdentityChainException.Forbidden("Deploying an identity chain needs the Owner or Operator role in its organization.");
        }
        var grant = await access.NetworkAsync(networkId, caller, ct)
            ?? throw new IdentityChainException(IdentityChainFailure.NotFound, "networkId", $"No network '{networkId}'.");
        if (!grant.CanDevelop)
        {
            throw IdentityChainException.Forbidden("Deploying the registry needs the Developer, Operator or Owner role on the network's organizations.");
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == grant.NetworkId, ct);
            if (!network.Platform.StartsWith("ethereum", StringComparison.Ordinal))
            {
                throw new IdentityChainException(IdentityChainFailure.Invalid, "networkId", $"The registry is a Solidity contract: name an Ethereum network; '{network.Name}' is {network.Platform}.");
            }
            // Draft or Failed → Deploying, taken by a conditional update so two requests cannot both deploy.
            var taken = await db.IdentityChainProfiles.Where(c => c.Id == id && (c.Status == IdentityChainStatus.Draft || c.Status == IdentityChainStatus.Failed))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, IdentityChainStatus.Deploying).SetProperty(c => c.NetworkId, grant.NetworkId)
                    .SetProperty(c => c.Progress, "Compiling the registry contract"), ct);
            if (taken == 0)
            {
                throw new IdentityChainException(IdentityChainFailure.Conflict, "status", $"The identity chain is {chain.Status}; only a draft or a failed deployment is deployed.");
            }
        }
        try
        {
            var compiled = await compiler.CompileAsync(IdentityRegistrySource.Source, null, ct: ct);
            var artifact = compiled.Contracts.Single(c => c.Name == IdentityRegistrySource.ContractName);
            await ProgressAsync(id, "Deploying the registry contract", ct);
            var profileHash = SHA256.HashData(Encoding.UTF8.GetBytes(chain.ProfileJson));
            var data = ContractAbi.Parse(artifact.Abi).Constructor!.EncodeDeploy(Hex.Decode(artifact.Bytecode), chain.Name, profileHash);
            // The registry is the portal's own infrastructure: its deployment is exempt from the rules for users' transactions.
            var receipt = await signer.SendAsync(grant.NetworkId, null, data, 0, ct);
            if (!receipt.Succeeded || receipt.ContractAddress is null)
            {
                throw new ContractFailureException(ContractFailureKind.Reverted, "networkId", $"The deployment transaction {receipt.TransactionHash} reverted.");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.DeployedContracts.Add(new DeployedContract
            {
                NetworkId = grant.NetworkId, Address = receipt.ContractAddress.ToLowerInvariant(), ContractName = artifact.Name, AbiJson = artifact.Abi,
                CompilerVersion = compiled.CompilerVersion, TransactionHash = receipt.TransactionHash, DeployedBy = caller.UserId, DeployedAt = now,
            });
            var saved = await db.IdentityChainProfiles.SingleAsync(c => c.Id == id, ct);
            saved.Status = IdentityChainStatus.Deployed;
            saved.Progress = null;
            saved.ContractAddress = receipt.ContractAddress.ToLowerInvariant();
            saved.TransactionHash = receipt.TransactionHash;
            saved.DeployedAt = now;
            await db.SaveChangesAsync(ct);
            return saved;
        }
        catch (Exception e) when (e is ContractFailureException or Solidity.SolidityCompilerException)
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.IdentityChainProfiles.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, IdentityChainStatus.Failed)
                .SetProperty(c => c.Progress, Truncate(e.Message)), CancellationToken.None);
            throw new IdentityChainException(IdentityChainFailure.Conflict, "networkId", $"Deploying the registry failed: {e.Message}");
        }
    }

    private async Task ProgressAsync(string id, string progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdentityChainProfiles.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Progress, progress), ct);
    }

    private static string Truncate(string text) => text.Length > 1000 ? text[..1000] : text;
}
