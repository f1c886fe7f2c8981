using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.DappStore;

/// <summary>Writes DApps: create (a draft), edit, publish and unlist, the icon and the front-end choice.</summary>
public sealed class DappStoreService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<StoreResult<Dapp>> CreateAsync(DappInput input, Caller caller, CancellationToken ct = default)
    {
        var org = caller.HomeOrganizationId;
        if (org is null || !caller.CanDevelopIn(org))
        {
            return StoreResult<Dapp>.Refused("Publishing a DApp needs the Developer or Owner role in your current organization.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = input.Check();
        var contracts = await ResolveContractsAsync(db, input, caller, errors, ct);
        if (errors.Count > 0)
        {
            return StoreResult<Dapp>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var id = NewId();
        var dapp = new Dapp
        {
            Id = id,
            Name = input.Name!.Trim(),
            Summary = input.Summary!.Trim(),
            Description = input.Description ?? "",
            Category = input.Category!,
            NetworkId = input.NetworkId!,
            OrganizationId = org,
            OwnerId = caller.UserId,
            OwnerName = caller.Name,
            State = DappState.Draft,
            FrontEnd = DappFrontEnd.Generated,
            CreatedAt = now,
            UpdatedAt = now,
            Contracts = [.. contracts.Select(c => new DappContract { DappId = id, DeployedContractId = c })],
        };
        db.Dapps.Add(dapp);
        await db.SaveChangesAsync(ct);
        return StoreResult<Dapp>.Ok(dapp);
    }

    public async Task<StoreResult<Dapp>> UpdateAsync(string id, DappInput input, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (dapp, refusal) = await LoadForChangeAsync(db, id, caller, ct);
        if (dapp is null)
        {
            return refusal ?? StoreResult<Dapp>.NotFound;
        }
        var errors = input.Check();
        if (input.NetworkId != dapp.NetworkId)
        {
            errors["networkId"] = ["A DApp stays on the network it was created on."];
        }
        var contracts = await ResolveContractsAsync(db, input, caller, errors, ct);
        if (errors.Count > 0)
        {
            return StoreResult<Dapp>.Invalid(errors);
        }
        dapp.Name = input.Name!.Trim();
        dapp.Summary = input.Summary!.Trim();
        dapp.Description = input.Description ?? "";
        dapp.Category = input.Category!;
        dapp.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        dapp.Contracts.RemoveAll(c => !contracts.Contains(c.DeployedContractId));
        dapp.Contracts.AddRange(contracts.Where(c => dapp.Contracts.All(x => x.DeployedContractId != c)).Select(c => new DappContract { DappId = dapp.Id, DeployedContractId = c }));
        await db.SaveChangesAsync(ct);
        return StoreResult<Dapp>.Ok(dapp);
    }

    /// <summary>Publish (listed in the store for everyone who can see its network), unlist, or back to draft.</summary>
    public async Task<StoreResult<Dapp>> SetStateAsync(string id, DappState state, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (dapp, refusal) = await LoadForChangeAsync(db, id, caller, ct);
        if (dapp is null)
        {
            return refusal ?? StoreResult<Dapp>.NotFound;
        }
        if (state == DappState.Published && dapp.FrontEnd == DappFrontEnd.Generated && dapp.Contracts.Count == 0)
        {
            return StoreResult<Dapp>.Invalid("contracts", "A DApp with a generated front end needs at least one contract before it is published.");
        }
        if (state == DappState.Published && dapp.FrontEnd == DappFrontEnd.Bundle && dapp.BundleId is null)
        {
            return StoreResult<Dapp>.Invalid("bundle", "Upload the front-end bundle before publishing.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (state == DappState.Published && dapp.State != DappState.Published)
        {
            dapp.PublishedAt = now;
        }
        dapp.State = state;
        dapp.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return StoreResult<Dapp>.Ok(dapp);
    }

    public async Task<StoreResult<Dapp>> SetIconAsync(string id, byte[] icon, Caller caller, CancellationToken ct = default)
    {
        var (type, error) = IconCheck.Inspect(icon);
        if (error is not null)
        {
            return StoreResult<Dapp>.Invalid("icon", error);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (dapp, refusal) = await LoadForChangeAsync(db, id, caller, ct);
        if (dapp is null)
        {
            return refusal ?? StoreResult<Dapp>.NotFound;
        }
        dapp.Icon = icon;
        dapp.IconContentType = type;
        dapp.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return StoreResult<Dapp>.Ok(dapp);
    }

    /// <summary>Switch the front end between the generated forms and the uploaded bundle (which must exist).</summary>
    public async Task<StoreResult<Dapp>> SetFrontEndAsync(string id, DappFrontEnd frontEnd, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (dapp, refusal) = await LoadForChangeAsync(db, id, caller, ct);
        if (dapp is null)
        {
            return refusal ?? StoreResult<Dapp>.NotFound;
        }
        if (frontEnd == DappFrontEnd.Bundle && dapp.BundleId is null)
        {
            return StoreResult<Dapp>.Invalid("frontEnd", "Upload a bundle first.");
        }
        dapp.FrontEnd = frontEnd;
        dapp.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return StoreResult<Dapp>.Ok(dapp);
    }

    internal static async Task<(Dapp? Dapp, StoreResult<Dapp>? Refusal)> LoadForChangeAsync(PortalDbContext db, string id, Caller caller, CancellationToken ct)
    {
        var dapp = await DappAccess.Visible(db, caller).Include(d => d.Contracts).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dapp is null)
        {
            return (null, StoreResult<Dapp>.NotFound);
        }
        return DappAccess.CanManage(dapp, caller) ? (dapp, null) : (null, StoreResult<Dapp>.Refused(DappAccess.NotOwner));
    }

    private static async Task<HashSet<long>> ResolveContractsAsync(PortalDbContext db, DappInput input, Caller caller, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (errors.ContainsKey("networkId") || input.NetworkId is null)
        {
            return [];
        }
        if (!await OrganizationAccess.Visible(db, db.Networks, caller).AnyAsync(n => n.Id == input.NetworkId, ct))
        {
            errors["networkId"] = [$"No network '{input.NetworkId}' you can see."];
            return [];
        }
        if (errors.ContainsKey("contracts") || input.Contracts is not { Count: > 0 })
        {
            return [];
        }
        var addresses = input.Contracts.Select(a => a.ToLowerInvariant()).Distinct().ToList();
        var found = await db.DeployedContracts.Where(c => c.NetworkId == input.NetworkId && addresses.Contains(c.Address))
            .Select(c => new { c.Id, c.Address, c.ProjectId, c.VersionNumber }).ToListAsync(ct);
        foreach (var address in addresses)
        {
            var contract = found.FirstOrDefault(c => c.Address == address);
            if (contract is null)
            {
                errors["contracts"] = [$"The portal deployed no contract at {address} on this network."];
                return [];
            }
            if (contract.ProjectId is null || contract.VersionNumber is null)
            {
                errors["contracts"] = [$"The contract at {address} was not deployed from a saved project version, so its source cannot be shown."];
                return [];
            }
        }
        return [.. found.Select(c => c.Id)];
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
