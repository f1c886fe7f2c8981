using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NutPortal.Core.Identity;

namespace NutPortal.Web.Live;

/// <summary>
/// The live channel to browsers and API clients: signed-in users only. Clients join a group per network to
/// receive that network's updates; admins are in the admins group for job and user events.
/// </summary>
[Authorize]
public sealed class LiveHub(NutPortal.Core.Organizations.OrganizationAccess access) : Hub
{
    public const string Path = "/hubs/live";
    public const string AdminsGroup = "admins";

    public static string NetworkGroup(string networkId) => $"network:{networkId}";

    /// <summary>A network's updates that belong to one of its organizations (alerts of that organization's rules).</summary>
    public static string NetworkGroup(string networkId, string organizationId) => $"network:{networkId}:org:{organizationId}";

    /// <summary>A DApp's live counters (<c>dappStats</c>), for those who may see the DApp.</summary>
    public static string DappGroup(string dappId) => $"dapp:{dappId}";

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.IsInRole(Roles.Admin) == true)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AdminsGroup);
        }
        await base.OnConnectedAsync();
    }

    /// <summary>Joins a network's updates; a network the caller may not see is refused as if it did not exist.</summary>
    public async Task JoinNetwork(string networkId)
    {
        var id = ValidId(networkId);
        var caller = await NutPortal.Web.Organizations.CallerAccessor.LoadAsync(access, Context.User ?? new(), null, Context.ConnectionAborted);
        var grant = await access.NetworkAsync(id, caller, Context.ConnectionAborted) ?? throw new HubException($"No network '{id}'.");
        await Groups.AddToGroupAsync(Context.ConnectionId, NetworkGroup(id));
        foreach (var organization in grant.CallerOrganizations)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, NetworkGroup(id, organization));
        }
    }

    public async Task LeaveNetwork(string networkId)
    {
        var id = ValidId(networkId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, NetworkGroup(id));
        var caller = await NutPortal.Web.Organizations.CallerAccessor.LoadAsync(access, Context.User ?? new(), null, Context.ConnectionAborted);
        foreach (var organization in caller.IsAdmin ? (await access.NetworkAsync(id, caller, Context.ConnectionAborted))?.CallerOrganizations ?? [] : caller.OrganizationIds)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, NetworkGroup(id, organization));
        }
    }

    /// <summary>Joins a DApp's live counters; a DApp the caller may not see is refused as if it did not exist.</summary>
    public async Task JoinDapp(string dappId, NutPortal.Core.DappStore.DappCatalog catalog)
    {
        var id = ValidId(dappId);
        var caller = await NutPortal.Web.Organizations.CallerAccessor.LoadAsync(access, Context.User ?? new(), null, Context.ConnectionAborted);
        _ = await catalog.GetAsync(id, caller, Context.ConnectionAborted) ?? throw new HubException($"No DApp '{id}'.");
        await Groups.AddToGroupAsync(Context.ConnectionId, DappGroup(id));
    }

    public Task LeaveDapp(string dappId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, DappGroup(ValidId(dappId)));

    private static string ValidId(string networkId) =>
        !string.IsNullOrWhiteSpace(networkId) && networkId.Length <= 64 && networkId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? networkId
            : throw new HubException("A network id is 1 to 64 letters, digits, '-' or '_'.");
}
