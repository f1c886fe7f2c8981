using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.IdentityChain;

/// <summary>A user's registration: the profile's fields, their public key, and their answer to a registration challenge (proof of possession).</summary>
public sealed record RegisterIdentityRequest(Dictionary<string, string>? Fields, string? PublicKey, string? Challenge, string? Signature);

/// <summary>
/// Members of the organization register identities on its deployed chains (the registry transaction is the portal's);
/// its Owners and Operators suspend, reinstate and revoke them. Members see their own identities, operators all.
/// </summary>
public sealed class IdentityRegistration(
    IDbContextFactory<PortalDbContext> dbFactory, IdentityChainService chains, IdentityChallenges challenges, IdentityRegistry registry, IdentityChainClock clock)
{
    public async Task<ChainIdentity> RegisterAsync(Caller caller, string chainId, RegisterIdentityRequest request, CancellationToken ct)
    {
        var chain = await DeployedAsync(caller, chainId, ct);
        var profile = IdentityChainService.Profile(chain);
        var errors = IdentityFieldValues.Validate(profile, request.Fields).ToList();
        var (key, keyProblem) = IdentitySignatures.ReadPublicKey(chain.SignatureAlgorithm, request.PublicKey);
        if (keyProblem is not null)
        {
            errors.Add(new("publicKey", keyProblem));
        }
        var challenge = await challenges.FindAsync(request.Challenge, ct);
        if (challenge is null || challenge.Purpose != ChallengePurpose.Registration || challenge.IdentityChainId != chainId || challenge.UserId != caller.UserId)
        {
            errors.Add(new("challenge", "Ask POST /api/v1/identity-chains/{id}/challenges with purpose \"registration\" and answer with its nonce."));
        }
        else if (challenges.Unusable(challenge) is { } unusable)
        {
            errors.Add(new("challenge", unusable.Reason));
        }
        else if (key is not null && IdentitySignatures.Verify(chain.SignatureAlgorithm, key, IdentitySignatures.Message(challenge), request.Signature) is { } bad)
        {
            errors.Add(new("signature", bad + " Sign the registration challenge's message with the key you register."));
        }
        if (errors.Count > 0)
        {
            throw IdentityChainException.Invalid(errors);
        }
        var id = IdentitySignatures.IdentityId(chain.Id, key!);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.ChainIdentities.AnyAsync(i => i.Id == id, ct))
            {
                throw new IdentityChainException(IdentityChainFailure.Conflict, "publicKey", "This key is already registered on the identity chain.");
            }
        }
        if (!await challenges.ConsumeAsync(challenge!, ct))
        {
            throw IdentityChainException.Invalid([new("challenge", "The registration challenge was already answered or just expired; ask for a new one.")]);
        }
        var fieldsHash = IdentityFieldValues.Hash(profile, request.Fields);
        var hash = await registry.SendAsync(chain, IdentityRegistrySource.Register.EncodeCall(Hex.Decode(id), key!, IdentityCurves.Code(chain.SignatureAlgorithm), fieldsHash), ct);
        var identity = new ChainIdentity
        {
            Id = id,
            IdentityChainId = chain.Id,
            UserId = caller.UserId,
            UserName = caller.Name,
            Address = IdentitySignatures.Address(profile.AddressPrefix, key!),
            Curve = chain.SignatureAlgorithm,
            PublicKey = Hex.Encode(key!),
            FieldsJson = IdentityFieldValues.Canonical(profile, request.Fields),
            FieldsHash = Hex.Encode(fieldsHash),
            Status = IdentityStatus.Active,
            RegisteredAt = clock.Now,
            TransactionHash = hash,
        };
        await using var save = await dbFactory.CreateDbContextAsync(ct);
        save.ChainIdentities.Add(identity);
        await save.SaveChangesAsync(ct);
        return identity;
    }

    public async Task<IReadOnlyList<ChainIdentity>> ListAsync(Caller caller, string chainId, CancellationToken ct)
    {
        var chain = await chains.GetAsync(caller, chainId, ct);
        var all = caller.CanOperateIn(chain.OrganizationId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChainIdentities.AsNoTracking().Where(i => i.IdentityChainId == chainId && (all || i.UserId == caller.UserId))
            .OrderByDescending(i => i.RegisteredAt).Take(500).ToListAsync(ct);
    }

    /// <summary>The identity, when the caller may see it (its owner, or an operator of the chain's organization).</summary>
    public async Task<ChainIdentity> GetAsync(Caller caller, string chainId, string identityId, CancellationToken ct)
    {
        var chain = await chains.GetAsync(caller, chainId, ct);
        var key = identityId.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var identity = await db.ChainIdentities.AsNoTracking().SingleOrDefaultAsync(i => i.Id == key && i.IdentityChainId == chainId, ct);
        return identity is not null && (identity.UserId == caller.UserId || caller.CanOperateIn(chain.OrganizationId))
            ? identity : throw IdentityChainException.NotFound($"identity '{identityId}'");
    }

    /// <summary>Suspend, reinstate or revoke: a registry transaction, then the same status in the database.</summary>
    public async Task<ChainIdentity> SetStatusAsync(Caller caller, string chainId, string identityId, string action, CancellationToken ct)
    {
        var chain = await DeployedAsync(caller, chainId, ct);
        if (!caller.CanOperateIn(chain.OrganizationId))
        {
            throw IdentityChainException.Forbidden("Suspending and revoking identities needs the Owner or Operator role in the chain's organization.");
        }
        var identity = await GetAsync(caller, chainId, identityId, ct);
        var (function, status, allowed) = action switch
        {
            "suspend" => (IdentityRegistrySource.Suspend, IdentityStatus.Suspended, identity.Status == IdentityStatus.Active),
            "reinstate" => (IdentityRegistrySource.Reinstate, IdentityStatus.Active, identity.Status == IdentityStatus.Suspended),
            "revoke" => (IdentityRegistrySource.Revoke, IdentityStatus.Revoked, identity.Status is IdentityStatus.Active or IdentityStatus.Suspended),
            _ => throw new IdentityChainException(IdentityChainFailure.Invalid, "action", $"Unknown action '{action}': suspend, reinstate or revoke."),
        };
        if (!allowed)
        {
            throw new IdentityChainException(IdentityChainFailure.Conflict, "status", $"The identity is {identity.Status}; it cannot be {action}d.");
        }
        await registry.SendAsync(chain, function.EncodeCall(Hex.Decode(identity.Id)), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var saved = await db.ChainIdentities.SingleAsync(i => i.Id == identity.Id, ct);
        saved.Status = status;
        saved.ChangedAt = clock.Now;
        saved.ChangedBy = caller.Name;
        await db.SaveChangesAsync(ct);
        return saved;
    }

    private async Task<IdentityChainProfile> DeployedAsync(Caller caller, string chainId, CancellationToken ct)
    {
        var chain = await chains.GetAsync(caller, chainId, ct);
        return chain.Status == IdentityChainStatus.Deployed ? chain
            : throw new IdentityChainException(IdentityChainFailure.Conflict, "status", $"The identity chain is {chain.Status}; deploy it first.");
    }

    public static IReadOnlyDictionary<string, string> Fields(ChainIdentity identity) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(identity.FieldsJson) ?? [];
}
