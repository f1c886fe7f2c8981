using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Oracle.Chain;

/// <summary>
/// Deploys the portal's NutOracle on an Ethereum network on request: a new oracle account (key encrypted at rest),
/// funded from the network's funded account, and the contract naming it as the only account that may fulfil.
/// </summary>
public sealed class OracleChainDeployer(
    IDbContextFactory<PortalDbContext> dbFactory, NetworkAccountKeys keys, NetworkSigner signer, ContractCompiler compiler, ContractDeployer deployer, TimeProvider clock)
{
    /// <summary>Ether given to the oracle account for its fulfilment transactions.</summary>
    private static readonly BigInteger Funding = BigInteger.Pow(10, 19);

    public async Task<OracleDeployment?> GetAsync(string networkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OracleDeployments.AsNoTracking().SingleOrDefaultAsync(d => d.NetworkId == networkId, ct);
    }

    /// <summary>The network's oracle, deployed now unless it already has one. Failures throw <see cref="ContractFailureException"/>.</summary>
    public async Task<(OracleDeployment Deployment, bool Created)> DeployAsync(string networkId, string userId, CancellationToken ct)
    {
        if (await GetAsync(networkId, ct) is { } existing)
        {
            return (existing, false);
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == networkId, ct)
                ?? throw new ContractFailureException(ContractFailureKind.NotFound, "network", $"No network '{networkId}'.");
            if (!network.Platform.StartsWith("ethereum", StringComparison.Ordinal))
            {
                throw new ContractFailureException(ContractFailureKind.InvalidInput, "network", $"The on-chain oracle runs on Ethereum networks; '{networkId}' is {network.Platform}.");
            }
        }
        var compiled = await compiler.CompileAsync(OracleContractSource.NutOracle, null, ct: ct);
        var artifact = compiled.Contracts.Single(c => c.Name == OracleContractSource.ContractName);
        var account = keys.Create(networkId, out var key);
        key.Dispose();
        var rpc = await signer.RpcAsync(networkId, ct);
        // Funding and deploying the oracle are the portal's own infrastructure sends: exempt from the rules for users' transactions.
        var funded = await signer.SendAsync(networkId, account.Address, [], Funding, ct);
        if (!funded.Succeeded)
        {
            throw new ContractFailureException(ContractFailureKind.Reverted, "network", $"Funding the oracle account failed ({funded.TransactionHash}).");
        }
        var from = await rpc.GetBlockNumberAsync(ct);
        var args = JsonSerializer.SerializeToElement(new[] { account.Address });
        var contract = await deployer.DeployAsync(new DeployRequest(networkId, artifact, compiled.CompilerVersion, args, null, null, userId), ct);
        var deployment = new OracleDeployment
        {
            NetworkId = networkId,
            ContractAddress = contract.Address,
            OracleAddress = account.Address.ToLowerInvariant(),
            ProtectedPrivateKey = account.ProtectedPrivateKey,
            TransactionHash = contract.TransactionHash,
            DeployedBy = userId,
            DeployedAt = clock.GetUtcNow().UtcDateTime,
            NextBlock = (long)from,
        };
        await using var save = await dbFactory.CreateDbContextAsync(ct);
        save.OracleDeployments.Add(deployment);
        await save.SaveChangesAsync(ct);
        return (deployment, true);
    }

    /// <summary>The oracle account as the signer takes accounts (the key stays encrypted until signing).</summary>
    public static NetworkAccount Account(OracleDeployment d) => new() { NetworkId = d.NetworkId, Address = d.OracleAddress, ProtectedPrivateKey = d.ProtectedPrivateKey };
}
