using Microsoft.AspNetCore.Components;
using MudBlazor;
using NutPortal.Core.Explorer;
using NutPortal.Core.Live;
using NutPortal.Core.Organizations;
using NutPortal.Core.Wallets;
using NutPortal.Web.Components.Shared;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Components.Wallets;

/// <summary>One wallet account: balance and tokens per network, history, send, receive, faucet, export. Every call goes
/// through the wallet services with the signed-in caller, which check the account is theirs and the network visible.
/// Balances and history reload (throttled) whenever the explorer indexes blocks of the selected network.</summary>
public sealed partial class WalletAccountPage : IDisposable
{
    private readonly Throttle _throttle = new(TimeSpan.FromMilliseconds(500));
    private IDisposable? _subscription;
    private WalletAccountView? _account;
    private IReadOnlyList<WalletNetwork> _networks = [];
    private string? _networkId;
    private WalletHoldingsView? _holdings;
    private IReadOnlyList<WalletTransaction>? _history;
    private Caller? _caller;
    private string? _error;
    private bool _busy;
    private bool _notFound;

    [Parameter]
    public long Id { get; set; }

    [Inject]
    private WalletService Wallets { get; set; } = default!;

    [Inject]
    private WalletNetworks Networks { get; set; } = default!;

    [Inject]
    private WalletActivity Activity { get; set; } = default!;

    [Inject]
    private WalletFaucet Faucet { get; set; } = default!;

    [Inject]
    private CallerAccessor Callers { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private LiveNotifier Notifier { get; set; } = default!;

    private WalletNetwork? Selected => _networks.FirstOrDefault(n => n.Id == _networkId);

    protected override async Task OnParametersSetAsync()
    {
        _caller = await Callers.GetAsync();
        try
        {
            _account = await Wallets.GetAsync(_caller.UserId, Id);
        }
        catch (WalletFailureException e) when (e.Kind == WalletFailureKind.NotFound)
        {
            _notFound = true;
            return;
        }
        _networks = await Networks.ListAsync(_caller);
        _networkId ??= _networks.FirstOrDefault(n => n.HasFaucet)?.Id ?? (_networks.Count > 0 ? _networks[0].Id : null);
        await LoadNetworkAsync();
        _subscription ??= Notifier.Subscribe<BlocksIndexed>(e => e.NetworkId == _networkId ? _throttle.RunAsync(() => InvokeAsync(async () =>
        {
            await LoadNetworkAsync();
            StateHasChanged();
        })) : Task.CompletedTask);
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task SelectNetworkAsync(string networkId)
    {
        _networkId = networkId;
        _holdings = null;
        _history = null;
        await LoadNetworkAsync();
    }

    private async Task LoadNetworkAsync()
    {
        if (_networkId is null || _caller is null)
        {
            return;
        }
        _error = null;
        try
        {
            _caller = await Callers.GetAsync();
            _holdings = await Activity.HoldingsAsync(_caller, Id, _networkId);
            _history = await Activity.HistoryAsync(_caller, Id, _networkId);
        }
        catch (WalletFailureException e)
        {
            _error = e.Message;
        }
    }

    private async Task FaucetAsync()
    {
        _busy = true;
        try
        {
            var paid = await Faucet.FundAsync(await Callers.GetAsync(), Id, _networkId!);
            Snackbar.Add($"The faucet sent {paid.Amount} ETH.", Severity.Success);
            await LoadNetworkAsync();
        }
        catch (WalletFailureException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync()
    {
        if (!await Dialogs.ConfirmAsync("Remove account", $"Remove {_account!.Name} ({_account.Address}) from your wallet? Without an exported keystore its key is gone for good.", "Remove"))
        {
            return;
        }
        await Wallets.DeleteAsync(_caller!.UserId, Id);
        Snackbar.Add($"Account {_account.Name} removed.", Severity.Success);
        Navigation.NavigateTo("wallet");
    }
}
