using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.DappStore;

/// <summary>
/// Who sees and who changes a DApp. A DApp exists for a caller only when they may see its network (a DApp never leaks
/// a network to those outside it); drafts and unlisted DApps only for its organization's members and Admins. Its owner
/// and Admins change it; anyone else who can see it gets a refusal.
/// </summary>
public static class DappAccess
{
    public static IQueryable<Dapp> Visible(PortalDbContext db, Caller caller)
    {
        var networks = OrganizationAccess.Visible(db, db.Networks, caller).Select(n => n.Id);
        var orgs = caller.OrganizationIds.ToList();
        var dapps = db.Dapps.Where(d => networks.Contains(d.NetworkId));
        return caller.IsAdmin ? dapps : dapps.Where(d => d.State == DappState.Published || orgs.Contains(d.OrganizationId));
    }

    public static bool CanManage(Dapp dapp, Caller caller) => caller.IsAdmin || dapp.OwnerId == caller.UserId;

    public const string NotOwner = "Only the DApp's owner or an Admin may change it.";
}
