using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace NutPortal.Tests.Live;

/// <summary>A SignalR .NET client for a portal's live hub, signed in with an API token (not started).</summary>
internal static class LiveHubClient
{
    public static HubConnection Connect(Uri portal, string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(portal, "hubs/live"), HttpTransportType.WebSockets, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
        .Build();
}
