using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using NutPortal.Core.Identity;
using NutPortal.Core.Organizations;

namespace NutPortal.Web.Organizations;

/// <summary>
/// The <see cref="Caller"/> of the current request or circuit, read from the database (memberships change while a
/// page is open; a removed member loses access on their next action, not at their next sign-in). An HTTP request
/// reads it once; a circuit re-reads it after <see cref="CircuitLifetime"/>.
/// </summary>
public sealed class CallerAccessor(OrganizationAccess access, IHttpContextAccessor http, IServiceProvider services, TimeProvider clock)
{
    public const string OrganizationHeader = "X-Organization";
    private static readonly TimeSpan CircuitLifetime = TimeSpan.FromSeconds(5);

    // The HTTP request this scope serves, or null in a circuit: there the accessor's HttpContext belongs to the
    // connection that opened it, which a reconnect replaces (and disposes), so the circuit asks its own
    // authentication state instead. A request's scope is the one its HttpContext hands out.
    private readonly HttpContext? _request = http.HttpContext is { } c && ReferenceEquals(c.RequestServices, services) ? c : null;
    private Caller? _cached;
    private DateTimeOffset _loadedAt;

    public async Task<Caller> GetAsync(CancellationToken ct = default)
    {
        var context = _request;
        if (context is not null && context.Items.TryGetValue(typeof(Caller), out var item) && item is Caller fromRequest)
        {
            return fromRequest;
        }
        if (_cached is not null && clock.GetUtcNow() - _loadedAt < CircuitLifetime)
        {
            return _cached;
        }
        var principal = await PrincipalAsync(context);
        var requested = context?.Request.Headers[OrganizationHeader].FirstOrDefault();
        _cached = await LoadAsync(access, principal, requested, ct);
        _loadedAt = clock.GetUtcNow();
        return _cached;
    }

    /// <summary>Forget the cached caller (after switching organization).</summary>
    public void Reset() => _cached = null;

    internal static async Task<Caller> LoadAsync(OrganizationAccess access, ClaimsPrincipal principal, string? requested, CancellationToken ct)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return new Caller("", "anonymous", false, new Dictionary<string, IReadOnlySet<string>>(), null);
        }
        return await access.LoadCallerAsync(userId, principal.Identity?.Name ?? userId, principal.IsInRole(Roles.Admin), requested, ct);
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(HttpContext? context)
    {
        if (context is not null)
        {
            return context.User;  // a request (signed in or not) never asks a circuit's state
        }
        var state = services.GetService<AuthenticationStateProvider>();
        return state is null ? new ClaimsPrincipal() : (await state.GetAuthenticationStateAsync()).User;
    }
}
