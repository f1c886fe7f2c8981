using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Web.Components.Networks;

/// <summary>The new-network form: fields checked as they change against the chosen platform, the API's verdict placed at its field.</summary>
public sealed partial class NewNetwork
{
    private readonly NetworkForm _form = new();
    private MudForm? _formRef;
    private ServerFieldErrors _server = null!;
    private bool _busy;
    private bool _invalid;

    [Inject] private IEnumerable<IBlockchainPlatform> Platforms { get; set; } = default!;

    [Inject] private NetworkService Networks { get; set; } = default!;

    [Inject] private NutPortal.Web.Organizations.CallerAccessor Callers { get; set; } = default!;

    [Inject] private ProfileValidator Validator { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IBlockchainPlatform Platform => Platforms.FirstOrDefault(p => p.Name == _form.Platform) ?? Platforms.First();

    private PlatformCapabilities Caps => Platform.Capabilities;

    /// <summary>MudForm's per-field check: the profile validator's errors for the field, then the server's still standing.</summary>
    /// <remarks>Set once: a new delegate on every render would be a changed parameter, and MudForm would render again.</remarks>
    private Func<object, string, IEnumerable<string>> _validation = null!;

    protected override void OnInitialized()
    {
        _server = new ServerFieldErrors(_form, NetworkForm.Fields);
        _validation = (_, property) =>
        {
            var name = _server.FieldOf(property);
            var local = property == nameof(NetworkForm.LitecoinMiningNodes) && _form.MiningNodesTypo is { } typo
                ? [typo]
                : Validator.Validate(_form.ToProfile(Caps)).Where(e => e.Field == name).Select(e => e.Message);
            return local.Concat(_server.For(property)).Distinct().ToList();
        };
    }

    /// <summary>
    /// A choice the new platform does not offer falls back to its first, so the selects show what will be sent;
    /// messages already shown are checked again against the new platform's ranges.
    /// </summary>
    private async Task PlatformChanged()
    {
        var caps = Caps;
        _form.Driver = caps.Drivers.Contains(_form.Driver) ? _form.Driver : caps.Drivers[0];
        _form.Consensus = caps.Consensus.Contains(_form.Consensus) ? _form.Consensus : caps.Consensus[0];
        _form.Hardfork = caps.Hardforks.Count == 0 || caps.Hardforks.Contains(_form.Hardfork) ? _form.Hardfork : caps.DefaultHardfork;
        if (_formRef is { IsValid: false })
        {
            await _formRef.ValidateAsync();
            _invalid = !_formRef.IsValid;
        }
    }

    private static string DriverName(string? driver) => driver == "local" ? "This machine (local)" : "Kubernetes";

    private static string RestartPolicyName(RestartPolicy policy) => policy switch
    {
        RestartPolicy.OnFailure => "Restart when a node dies",
        RestartPolicy.Always => "Always restart",
        _ => "Never restart",
    };

    private string PlatformName(string? name) => Platforms.FirstOrDefault(p => p.Name == name)?.DisplayName ?? name ?? "";

    /// <summary>Whether the form shows the property's field for the chosen platform.</summary>
    private bool Shown(string property) => _server.FieldOf(property) is not { } field || Caps.Reads(field);

    /// <summary>What the platform says a field means (its consensus parameters), else <paramref name="otherwise"/>.</summary>
    private string? Hint(string field, string? otherwise = null) => Platform.Facts.ConsensusParameters.GetValueOrDefault(field) ?? otherwise;

    private async Task CreateAsync()
    {
        _busy = true;
        try
        {
            _server.Set([]);
            await _formRef!.ValidateAsync();
            _invalid = !_formRef.IsValid;
            if (_invalid)
            {
                return;
            }
            var user = (await AuthenticationState).User;
            var caller = await Callers.GetAsync();
            if (caller.CurrentOrganizationId is not { } organization || !caller.CanOperateIn(organization))
            {
                _server.Set([new ProfileError("name", "Your role in the current organization does not include Operator or Owner; switch organization in the app bar.")]);
                await _formRef.ValidateAsync();
                _invalid = true;
                return;
            }
            var result = await Networks.CreateAsync(_form.ToProfile(Caps), user.Identity?.Name ?? "unknown", organization);
            if (result.Network is { } network)
            {
                Navigation.NavigateTo($"networks/{network.Id}");
                return;
            }
            // The server had the last word (e.g. the name is taken): its errors go under their fields.
            _server.Set(result.Errors);
            await _formRef.ValidateAsync();
            _invalid = true;
        }
        finally
        {
            _busy = false;
        }
    }
}
