using NutPortal.Core.IdentityChain;

namespace NutPortal.Web.IdentityChain;

internal sealed record IdentityChainView(
    string Id, string OrganizationId, string Name, string SignatureAlgorithm, string Status, string? Progress, string? NetworkId, string? ContractAddress,
    string? TransactionHash, string CreatedBy, DateTime CreatedAt, DateTime? DeployedAt, IdentityProfile Profile)
{
    public static IdentityChainView Of(IdentityChainProfile c) => new(c.Id, c.OrganizationId, c.Name, c.SignatureAlgorithm, c.Status.ToString(), c.Progress,
        c.NetworkId, c.ContractAddress, c.TransactionHash, c.CreatedBy, c.CreatedAt, c.DeployedAt, IdentityChainService.Profile(c));
}

internal sealed record IdentityView(
    string Id, string IdentityChainId, string UserName, string Address, string Curve, string PublicKey, IReadOnlyDictionary<string, string> Fields,
    string FieldsHash, string Status, DateTime RegisteredAt, string? TransactionHash, DateTime? ChangedAt, string? ChangedBy)
{
    public static IdentityView Of(ChainIdentity i) => new(i.Id, i.IdentityChainId, i.UserName, i.Address, i.Curve, i.PublicKey, IdentityRegistration.Fields(i),
        i.FieldsHash, i.Status.ToString(), i.RegisteredAt, i.TransactionHash, i.ChangedAt, i.ChangedBy);
}

internal sealed record ChallengeView(string Purpose, string? IdentityId, string? NetworkId, string? TransactionHash, DateTime CreatedAt, DateTime ExpiresAt, DateTime? UsedAt)
{
    public static ChallengeView Of(IdentityChallenge c) => new(IdentitySignatures.Purpose(c.Purpose), c.IdentityId, c.NetworkId, c.TransactionHash, c.CreatedAt, c.ExpiresAt, c.UsedAt);
}

internal sealed record DeployChainRequest(string? NetworkId);

internal sealed record RequirementRequest(string? IdentityChainId);

internal sealed record SignInChallengeRequest(string? IdentityId);

public sealed record SignInAnswer(string? Challenge, string? Signature);
