using NutPortal.Core.Networks;

namespace NutPortal.Core.Organizations;

/// <summary>What a caller may do with one network they can see: the organization that runs it (the consortium
/// operator) and the organizations it is shared with.</summary>
public sealed record NetworkGrant(string NetworkId, string OrganizationId, IReadOnlyList<string> MemberOrganizationIds, Caller Caller)
{
    /// <summary>Change the network itself: settings, deletion, the operator's nodes, sharing it.</summary>
    public bool CanOperate => Caller.CanOperateIn(OrganizationId);

    /// <summary>Start, stop, restart, resync, upgrade or remove a node: its own organization, or the consortium operator.</summary>
    public bool CanOperateNode(NetworkNode node) => CanOperate || (node.OrganizationId is { } owner && Caller.CanOperateIn(owner));

    /// <summary>The organization a node the caller adds will belong to: the operator's when they run the network,
    /// else the first member organization they operate in; null when they may not add nodes.</summary>
    public string? NodeOwnerForNewNode() =>
        CanOperate ? OrganizationId : MemberOrganizationIds.FirstOrDefault(o => Caller.CanOperateIn(o));

    /// <summary>Deploy and call contracts, run workloads.</summary>
    public bool CanDevelop => Caller.CanDevelopIn(OrganizationId) || MemberOrganizationIds.Any(Caller.CanDevelopIn);

    /// <summary>Alert rules and workloads: anyone who operates in one of the network's organizations.</summary>
    public bool CanOperateAny => CanOperate || MemberOrganizationIds.Any(Caller.CanOperateIn);

    /// <summary>The member organization whose own account signs the caller's transactions on this network, or null for
    /// the network's own accounts (the operator's people, Admins). The current organization wins when it is a member.</summary>
    public string? SigningOrganizationId =>
        Caller.CurrentOrganizationId is { } current && MemberOrganizationIds.Contains(current) ? current
        : Caller.IsAdmin || Caller.IsMember(OrganizationId) ? null
        : MemberOrganizationIds.FirstOrDefault(Caller.IsMember);

    /// <summary>The caller's organizations among the network's (operator first).</summary>
    public IEnumerable<string> CallerOrganizations =>
        new[] { OrganizationId }.Concat(MemberOrganizationIds).Where(o => Caller.IsAdmin || Caller.IsMember(o));
}
