using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Alerts;
using NutPortal.Core.Contracts;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Explorer;
using NutPortal.Core.Identity;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Scanning;
using NutPortal.Core.Traces;

namespace NutPortal.Core.Persistence;

/// <summary>
/// The portal's database. Components and jobs create one per operation through
/// <see cref="IDbContextFactory{TContext}"/>; the schema changes only through the migrations in
/// <c>Persistence/Migrations</c>.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Network> Networks => Set<Network>();

    public DbSet<NetworkNode> NetworkNodes => Set<NetworkNode>();

    public DbSet<DeploymentStep> DeploymentSteps => Set<DeploymentStep>();

    public DbSet<NetworkAuditEntry> NetworkAudit => Set<NetworkAuditEntry>();

    public DbSet<NetworkAccount> NetworkAccounts => Set<NetworkAccount>();

    public DbSet<ContractProject> ContractProjects => Set<ContractProject>();

    public DbSet<ContractVersion> ContractVersions => Set<ContractVersion>();

    public DbSet<DeployedContract> DeployedContracts => Set<DeployedContract>();

    public DbSet<Scan> Scans => Set<Scan>();

    public DbSet<ContractTestSuite> ContractTestSuites => Set<ContractTestSuite>();

    public DbSet<ContractTestRun> ContractTestRuns => Set<ContractTestRun>();

    public DbSet<ContractTestStepResult> ContractTestStepResults => Set<ContractTestStepResult>();

    public DbSet<ChainBlock> ChainBlocks => Set<ChainBlock>();

    public DbSet<ChainTransaction> ChainTransactions => Set<ChainTransaction>();

    public DbSet<ChainLog> ChainLogs => Set<ChainLog>();

    public DbSet<TraceSpan> TraceSpans => Set<TraceSpan>();

    public DbSet<MetricSample> MetricSamples => Set<MetricSample>();

    public DbSet<AlertRule> AlertRules => Set<AlertRule>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertTransition> AlertTransitions => Set<AlertTransition>();

    public DbSet<Workload> Workloads => Set<Workload>();

    public DbSet<Leases.Lease> Leases => Set<Leases.Lease>();

    public DbSet<Organizations.Organization> Organizations => Set<Organizations.Organization>();

    public DbSet<Organizations.OrganizationMember> OrganizationMembers => Set<Organizations.OrganizationMember>();

    public DbSet<Organizations.NetworkMember> NetworkMembers => Set<Organizations.NetworkMember>();

    public DbSet<Organizations.OrganizationAuditEntry> OrganizationAudit => Set<Organizations.OrganizationAuditEntry>();

    public DbSet<Organizations.Invitation> Invitations => Set<Organizations.Invitation>();

    public DbSet<Oracle.OracleRequest> OracleRequests => Set<Oracle.OracleRequest>();

    public DbSet<Gateway.GatewayRefusal> GatewayRefusals => Set<Gateway.GatewayRefusal>();

    public DbSet<Oracle.Chain.OracleDeployment> OracleDeployments => Set<Oracle.Chain.OracleDeployment>();

    public DbSet<Oracle.OracleSchedule> OracleSchedules => Set<Oracle.OracleSchedule>();

    public DbSet<Wallets.WalletAccount> WalletAccounts => Set<Wallets.WalletAccount>();

    public DbSet<Wallets.WalletFaucetGrant> WalletFaucetGrants => Set<Wallets.WalletFaucetGrant>();
    public DbSet<DappStore.Dapp> Dapps => Set<DappStore.Dapp>();

    public DbSet<DappStore.DappContract> DappContracts => Set<DappStore.DappContract>();

    public DbSet<DappStore.DappBundle> DappBundles => Set<DappStore.DappBundle>();

    public DbSet<Community.DappReview> DappReviews => Set<Community.DappReview>();

    public DbSet<Community.CommunityThread> CommunityThreads => Set<Community.CommunityThread>();

    public DbSet<Community.CommunityReply> CommunityReplies => Set<Community.CommunityReply>();

    public DbSet<Community.AbuseReport> AbuseReports => Set<Community.AbuseReport>();

    public DbSet<IdentityChain.IdentityChainProfile> IdentityChainProfiles => Set<IdentityChain.IdentityChainProfile>();

    public DbSet<IdentityChain.ChainIdentity> ChainIdentities => Set<IdentityChain.ChainIdentity>();

    public DbSet<IdentityChain.IdentityChallenge> IdentityChallenges => Set<IdentityChain.IdentityChallenge>();

    public DbSet<IdentityChain.NetworkIdentityRequirement> NetworkIdentityRequirements => Set<IdentityChain.NetworkIdentityRequirement>();

    public DbSet<SecurityPolicy.SecurityPolicyVersion> SecurityPolicyVersions => Set<SecurityPolicy.SecurityPolicyVersion>();

    public DbSet<SecurityPolicy.NetworkDataKey> NetworkDataKeys => Set<SecurityPolicy.NetworkDataKey>();

    public DbSet<SecurityPolicy.PayloadDecryption> PayloadDecryptions => Set<SecurityPolicy.PayloadDecryption>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC: SQLite hands values back as Unspecified, PostgreSQL's timestamptz needs Utc.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
