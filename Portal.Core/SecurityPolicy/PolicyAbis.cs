using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>
/// The function a call targets, from the ABI of a contract deployed through the portal (saved with its deployment). Read
/// straight from the deployments table rather than through the contract deployer, which signs through the policy itself.
/// A deployed contract's ABI never changes, so found ABIs are kept; an address without one is asked again after
/// <see cref="SecurityPolicies.CacheFor"/> (a contract deployed meanwhile is decoded from then on; until then its calls
/// get the raw scan, which sees the same strings).
/// </summary>
public sealed class PolicyAbis(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ContractAbi> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unknown = new(StringComparer.Ordinal);

    public async Task<AbiFunction?> FunctionAsync(string networkId, string? to, byte[] data, CancellationToken ct = default)
    {
        if (to is null || data.Length < 4)
        {
            return null;
        }
        var key = networkId + "/" + to.ToLowerInvariant();
        if (!_known.TryGetValue(key, out var abi))
        {
            if (_unknown.TryGetValue(key, out var asked) && clock.GetUtcNow() - asked < SecurityPolicies.CacheFor)
            {
                return null;
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var address = to.ToLowerInvariant();
            var json = await db.DeployedContracts.AsNoTracking().Where(d => d.NetworkId == networkId && d.Address == address).Select(d => d.AbiJson).FirstOrDefaultAsync(ct);
            if (json is null)
            {
                if (_unknown.Count > 10_000)
                {
                    _unknown.Clear();  // many distinct addresses: forget them all rather than grow without bound
                }
                _unknown[key] = clock.GetUtcNow();
                return null;
            }
            try
            {
                abi = _known[key] = ContractAbi.Parse(json);
            }
            catch (AbiException)
            {
                return null;
            }
        }
        return abi.FindFunctionBySelector(data);
    }
}
