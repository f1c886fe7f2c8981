using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using NutPortal.Core.Contracts;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Organizations;
using NutPortal.Core.Wallets;

namespace NutPortal.Core.DappStore.Provider;

/// <summary>
/// The EIP-1193 provider behind one DApp frame: reads go to a running node of the selected network (the gateway's read
/// methods only); accounts, transactions and signatures use the user's wallet after they approve each one. Requests past
/// the rate limit are refused at once (-32005), and one approval is asked at a time (-32002 while one waits). Events for
/// the DApp (accountsChanged, chainChanged) go out through <see cref="Emitted"/>.
/// </summary>
public sealed partial class DappProviderSession : IDisposable
{
    private readonly DappProvider _services;
    private readonly DappDetail _dapp;
    private readonly Caller _caller;
    private readonly IProviderApprovals _approvals;
    private readonly DappConnections _connections;
    private readonly TokenBucketRateLimiter _limiter;
    private int _approving;
    private ProviderChain? _chain;
    private WalletAccountView? _account;

    internal DappProviderSession(DappProvider services, DappDetail dapp, Caller caller, IProviderApprovals approvals, DappConnections connections)
    {
        _services = services;
        _dapp = dapp;
        _caller = caller;
        _approvals = approvals;
        _connections = connections;
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = services.Options.ProviderBurst,
            TokensPerPeriod = services.Options.ProviderRequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>An event for the DApp: its name and payload (EIP-1193 accountsChanged with addresses, chainChanged with a hex chain id).</summary>
    public event Func<string, JsonNode?, Task>? Emitted;

    /// <summary>The account the DApp is connected to, if any.</summary>
    public WalletAccountView? Account => _account;

    /// <summary>The network the DApp's requests go to (the DApp's own until it switches).</summary>
    public ProviderChain? Chain => _chain;

    /// <summary>Answers one request: its result, or a <see cref="ProviderException"/>.</summary>
    public async Task<JsonNode?> HandleAsync(string method, JsonElement parameters, CancellationToken ct)
    {
        using var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            throw new ProviderException(ProviderException.LimitExceeded,
                $"Too many requests: the provider answers {_services.Options.ProviderRequestsPerSecond} a second (bursts of {_services.Options.ProviderBurst}); try again shortly.");
        }
        var chain = await ChainAsync(ct);
        if (ProviderMethods.NeedsAccount(method) && _account is null)
        {
            throw new ProviderException(ProviderException.Unauthorized, $"{method} needs a connected account: call eth_requestAccounts first.");
        }
        return method switch
        {
            ProviderMethods.ChainId => chain.ChainIdHex,
            ProviderMethods.Accounts => Addresses(),
            ProviderMethods.RequestAccounts => await RequestAccountsAsync(ct),
            ProviderMethods.SwitchChain => await SwitchAsync(parameters, ct),
            ProviderMethods.SendTransaction => await SendTransactionAsync(chain, parameters, ct),
            ProviderMethods.PersonalSign => await PersonalSignAsync(chain, parameters, ct),
            ProviderMethods.SignTypedDataV4 => await SignTypedDataAsync(chain, parameters, ct),
            _ when ProviderMethods.IsRead(method) => await ReadAsync(chain, method, parameters, ct),
            _ => throw new ProviderException(ProviderException.UnsupportedMethod, $"The NutPortal provider does not support {method}."),
        };
    }

    /// <summary>The user disconnects the DApp (from the page): it sees accountsChanged with no accounts.</summary>
    public async Task DisconnectAsync()
    {
        _connections.Disconnect(_dapp.Dapp.Id);
        _account = null;
        await EmitAsync("accountsChanged", new JsonArray());
    }

    private async Task<ProviderChain> ChainAsync(CancellationToken ct)
    {
        if (_chain is not null)
        {
            return _chain;
        }
        var chains = await ProviderChain.ListAsync(_services.Networks, _services.DbFactory, _caller, ct);
        _chain = chains.FirstOrDefault(c => c.NetworkId == _dapp.Dapp.NetworkId)
            ?? throw new ProviderException(4900, $"The DApp's network {_dapp.NetworkName} ({_dapp.Platform}) has no Ethereum wallet accounts: the provider is disconnected.");
        if (_connections.AccountFor(_dapp.Dapp.Id) is { } accountId)
        {
            try
            {
                _account = await _services.Wallets.GetAsync(_caller.UserId, accountId, ct);
            }
            catch (WalletFailureException)
            {
                _connections.Disconnect(_dapp.Dapp.Id);  // the account was removed since
            }
        }
        return _chain;
    }

    private JsonArray Addresses() => _account is { } a ? [a.Address.ToLowerInvariant()] : [];

    private async Task<JsonNode?> RequestAccountsAsync(CancellationToken ct)
    {
        if (_account is not null)
        {
            return Addresses();
        }
        var accounts = await _services.Wallets.ListAsync(_caller.UserId, ct);
        var chosen = await ApproveAsync(() => _approvals.ChooseAccountAsync(_dapp.Dapp.Name, accounts, ct))
            ?? throw ProviderException.Rejected("connection request");
        _account = chosen;
        _connections.Connect(_dapp.Dapp.Id, chosen.Id);
        await EmitAsync("accountsChanged", Addresses());
        return Addresses();
    }

    private async Task<JsonNode?> SwitchAsync(JsonElement parameters, CancellationToken ct)
    {
        var wanted = First(parameters) is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("chainId", out var id) && id.ValueKind == JsonValueKind.String
            && long.TryParse(id.GetString()!.Replace("0x", "", StringComparison.OrdinalIgnoreCase), System.Globalization.NumberStyles.HexNumber, null, out var chainId)
            ? chainId : throw ProviderException.Params("wallet_switchEthereumChain takes [{ chainId: '0x…' }].");
        var chains = await ProviderChain.ListAsync(_services.Networks, _services.DbFactory, _caller, ct);
        // Networks may share a chain id (dev chains often do): the DApp's own network first, then by name.
        var target = chains.Where(c => c.ChainId == wanted).OrderBy(c => c.NetworkId == _dapp.Dapp.NetworkId ? 0 : 1).FirstOrDefault()
            ?? throw new ProviderException(ProviderException.UnrecognizedChain,
                $"No network with chain id {wanted} for your wallet; you may use: {string.Join(", ", chains.Select(c => $"{c.Name} ({c.ChainId})"))}.");
        if (target.NetworkId != _chain!.NetworkId)
        {
            _chain = target;
            await EmitAsync("chainChanged", target.ChainIdHex);
        }
        return null;
    }

    private async Task<JsonNode?> ReadAsync(ProviderChain chain, string method, JsonElement parameters, CancellationToken ct)
    {
        var rpc = await RpcAsync(chain, ct);
        var args = parameters.ValueKind == JsonValueKind.Array ? parameters.EnumerateArray().Select(e => (object?)e.Clone()).ToList() : [];
        try
        {
            var result = await rpc.CallAsync<JsonElement>(method, args, cancellationToken: ct);
            return JsonNode.Parse(result.GetRawText());
        }
        catch (JsonRpcException e)
        {
            throw new ProviderException((int)e.Code, e.RpcMessage, e.DataHex);
        }
        catch (JsonRpcClientException e)
        {
            throw new ProviderException(ProviderException.ResourceUnavailable, $"The network's node did not answer: {e.Message}");
        }
    }

    private async Task<IJsonRpcClient> RpcAsync(ProviderChain chain, CancellationToken ct)
    {
        try
        {
            return await _services.Signer.RpcAsync(chain.NetworkId, ct);
        }
        catch (ContractFailureException e)
        {
            throw new ProviderException(4901, $"{chain.Name}: {e.Message}");
        }
    }

    /// <summary>One approval at a time: a DApp cannot stack dialogs on the user.</summary>
    private async Task<T> ApproveAsync<T>(Func<Task<T>> ask)
    {
        if (Interlocked.Exchange(ref _approving, 1) == 1)
        {
            throw new ProviderException(ProviderException.ResourceUnavailable, "Another request is waiting for the user's approval.");
        }
        try
        {
            return await ask();
        }
        finally
        {
            Volatile.Write(ref _approving, 0);
        }
    }

    private Task EmitAsync(string name, JsonNode? payload) => Emitted?.Invoke(name, payload) ?? Task.CompletedTask;

    private static JsonElement? First(JsonElement parameters) =>
        parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() > 0 ? parameters[0] : null;

    private static JsonElement? Second(JsonElement parameters) =>
        parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() > 1 ? parameters[1] : null;

    public void Dispose() => _limiter.Dispose();
}
