using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using NutPortal.Core.DappStore.Provider;
using NutPortal.Core.Wallets;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Components.DappStore;

/// <summary>
/// An uploaded front end in its sandboxed frame, with the portal's EIP-1193 provider behind it: dapp-bridge.js hands the
/// frame's requests to <see cref="Request"/>, the session answers them server-side, and this component shows the
/// approvals (connect, transaction, signature) as dialogs.
/// </summary>
public sealed partial class DappFrame : IProviderApprovals
{
    private static readonly DialogOptions Modal = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
    private readonly CancellationTokenSource _disposed = new();
    private ElementReference _frame;
    private DappProviderSession? _session;
    private DotNetObjectReference<DappFrame>? _self;
    private IJSObjectReference? _module;
    private IJSObjectReference? _bridge;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private DappProvider Provider { get; set; } = default!;

    [Inject] private DappConnections Connections { get; set; } = default!;

    [Inject] private CallerAccessor Callers { get; set; } = default!;

    [Inject] private ILogger<DappFrame> Log { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _session = Provider.Open(Detail, await Callers.GetAsync(_disposed.Token), this, Connections);
        _session.Emitted += EmitAsync;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Attach once the session exists (OnInitializedAsync may still be running at the first render): the frame's src is set
        // only by attach, so no request arrives before there is a session to answer it.
        if (_self is not null || _session is null)
        {
            return;
        }
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", _disposed.Token, "./js/dapp-bridge.js");
        _bridge = await _module.InvokeAsync<IJSObjectReference>("attach", _disposed.Token, _frame, _self);
    }

    /// <summary>One request from the frame: <c>{"result": …}</c> or <c>{"error": {code, message, data}}</c> as JSON.</summary>
    [JSInvokable]
    public async Task<string> Request(string method, string parameters)
    {
        JsonObject reply;
        if (_disposed.IsCancellationRequested)
        {
            return Error(4900, "The DApp page was closed.", null).ToJsonString();
        }
        try
        {
            using var json = JsonDocument.Parse(parameters);
            var result = await _session!.HandleAsync(method, json.RootElement, _disposed.Token);
            reply = new JsonObject { ["result"] = result };
        }
        catch (ProviderException e)
        {
            reply = Error(e.Code, e.Message, e.ErrorData);
        }
        catch (JsonException)
        {
            reply = Error(ProviderException.InvalidParams, "params must be JSON.", null);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            reply = Error(4900, "The DApp page was closed.", null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.LogError(e, "The provider of DApp {DappId} failed on {Method}", Detail.Dapp.Id, method);
            reply = Error(ProviderException.Internal, "The portal failed to answer this request; it is logged.", null);
        }
        await InvokeAsync(StateHasChanged);
        return reply.ToJsonString();
    }

    public async Task<WalletAccountView?> ChooseAccountAsync(string dappName, IReadOnlyList<WalletAccountView> accounts, CancellationToken ct)
    {
        var dialog = await Dialogs.ShowAsync<ConnectAccountDialog>($"Connect {dappName}",
            new DialogParameters<ConnectAccountDialog> { { d => d.DappName, dappName }, { d => d.Accounts, accounts } }, Modal);
        return await dialog.Result is { Canceled: false, Data: WalletAccountView chosen } ? chosen : null;
    }

    public async Task<bool> ApproveTransactionAsync(TransactionPreview preview, CancellationToken ct)
    {
        var dialog = await Dialogs.ShowAsync<ApproveTransactionDialog>("Approve the transaction",
            new DialogParameters<ApproveTransactionDialog> { { d => d.Preview, preview } }, Modal);
        return await dialog.Result is { Canceled: false };
    }

    public async Task<bool> ApproveSignatureAsync(SignaturePreview preview, CancellationToken ct)
    {
        var dialog = await Dialogs.ShowAsync<ApproveSignatureDialog>("Approve the signature",
            new DialogParameters<ApproveSignatureDialog> { { d => d.Preview, preview } }, Modal);
        return await dialog.Result is { Canceled: false };
    }

    private Task DisconnectAsync() => _session!.DisconnectAsync();

    private async Task EmitAsync(string name, JsonNode? payload)
    {
        if (_bridge is not null)
        {
            await _bridge.InvokeVoidAsync("emit", _disposed.Token, name, payload?.ToJsonString() ?? "null");
        }
    }

    private static JsonObject Error(int code, string message, string? data)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (data is not null)
        {
            error["data"] = data;
        }
        return new JsonObject { ["error"] = error };
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        if (_session is not null)
        {
            _session.Emitted -= EmitAsync;
            _session.Dispose();
        }
        try
        {
            if (_bridge is not null)
            {
                await _bridge.InvokeVoidAsync("detach");
                await _bridge.DisposeAsync();
            }
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone: the browser dropped the listener with the page.
        }
        _self?.Dispose();
        _disposed.Dispose();
    }
}
