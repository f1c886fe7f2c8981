using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Gateway;

/// <summary>An answer for the HTTP layer: its status and JSON body.</summary>
public sealed record GatewayReply(int StatusCode, JsonNode Body);

/// <summary>
/// The network's gateway: JSON-RPC calls (single or batched) from a caller who may see the network are checked and
/// relayed to one of its running nodes. Only <see cref="GatewayRules.Relayed"/> methods pass; a transaction must be
/// signed for this chain (<see cref="RawTransactionCheck"/>), submitted by someone who may develop on the network, and
/// pass every <see cref="ITransactionGuard"/> (identity, security policy). Every refusal is stored with its rule. Calls are forwarded with ids of the gateway's own and answered with the
/// caller's, in the caller's order.
/// </summary>
public sealed class RpcGateway(
    IDbContextFactory<PortalDbContext> dbFactory, OrganizationAccess access, NodeRunner runner, IHttpClientFactory http,
    IOptions<GatewayOptions> options, TimeProvider clock, IEnumerable<ITransactionGuard> guards) : IDisposable
{
    public const string HttpClientName = "rpc-gateway";
    private readonly SemaphoreSlim _decoding = new(Math.Max(1, Environment.ProcessorCount / 2));
    private readonly ITransactionGuard[] _guards = [.. guards];

    public async Task<GatewayReply> HandleAsync(string networkId, JsonElement request, Caller caller, CancellationToken ct)
    {
        var grant = await access.NetworkAsync(networkId, caller, ct);
        Network? network = null;
        if (grant is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            network = await db.Networks.AsNoTracking().Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == networkId, ct);
        }
        if (grant is null || network is null)
        {
            return new GatewayReply(404, Error(null, -32001, $"No network '{networkId}'."));
        }
        if (!runner.PlatformFor(network).Capabilities.Supports(PlatformFeatures.Gateway))
        {
            return new GatewayReply(400, Error(null, -32001, $"{runner.PlatformFor(network).DisplayName} networks are not served by the JSON-RPC gateway."));
        }
        var batch = request.ValueKind == JsonValueKind.Array;
        var calls = batch ? [.. request.EnumerateArray()] : new List<JsonElement> { request };
        if (batch && (calls.Count == 0 || calls.Count > options.Value.MaxBatch))
        {
            return new GatewayReply(400, Error(null, -32600, $"A batch holds 1 to {options.Value.MaxBatch} calls (Portal:Gateway:MaxBatch); this one holds {calls.Count}."));
        }
        var answers = new JsonNode?[calls.Count];
        var forward = new List<(int Index, JsonObject Call)>();
        var refusals = new List<GatewayRefusal>();
        var chainId = NodeRunner.ReadProfile(network).ChainId;
        for (var i = 0; i < calls.Count; i++)
        {
            var (call, id, method, refusal) = await CheckAsync(calls[i], network, grant, chainId, ct);
            if (refusal is not null)
            {
                answers[i] = Error(id, CodeOf(refusal.Rule), refusal.Reason);
                if (method is not null)
                {
                    refusal.NetworkId = networkId;
                    refusal.Caller = caller.Name;
                    refusal.At = clock.GetUtcNow().UtcDateTime;
                    refusals.Add(refusal);
                }
            }
            else
            {
                forward.Add((i, call!));
            }
        }
        if (refusals.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.GatewayRefusals.AddRange(refusals);
            await db.SaveChangesAsync(ct);
        }
        var status = 200;
        if (forward.Count > 0)
        {
            status = await RelayAsync(network, calls, forward, answers, ct);
        }
        return new GatewayReply(status, batch ? new JsonArray([.. answers]) : answers[0]!);
    }

    private async Task<(JsonObject? Call, JsonNode? Id, string? Method, GatewayRefusal? Refusal)> CheckAsync(
        JsonElement element, Network network, NetworkGrant grant, long chainId, CancellationToken ct)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String)
        {
            return (null, null, null, Refused("", GatewayRules.InvalidRequest, "Each call is an object with a string 'method'."));
        }
        var call = JsonNode.Parse(element.GetRawText())!.AsObject();
        var id = call["id"]?.DeepClone();
        var method = m.GetString()!;
        if (!GatewayRules.Relayed.Contains(method))
        {
            return (call, id, method, Refused(method, GatewayRules.MethodNotRelayed,
                $"{method} is not relayed by the gateway: it reads chain state and takes signed transactions (eth_sendRawTransaction), nothing that administers a node or uses its keys."));
        }
        if (method != GatewayRules.SendRawTransaction)
        {
            return (call, id, method, null);
        }
        if (!grant.CanDevelop)
        {
            return (call, id, method, Refused(method, GatewayRules.SubmitNotAllowed, "Submitting transactions needs the Developer, Operator or Owner role in one of this network's organizations."));
        }
        var raw = call["params"] is JsonArray { Count: > 0 } parameters && parameters[0] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        RawTransactionVerdict verdict;
        await _decoding.WaitAsync(ct);
        try
        {
            verdict = RawTransactionCheck.Check(raw, chainId, options.Value.MaxRawTransactionBytes);
        }
        finally
        {
            _decoding.Release();
        }
        if (verdict.Facts is not { } facts)
        {
            return (call, id, method, Refused(method, verdict.Rule!, verdict.Reason!, verdict.Sender, verdict.Hash));
        }
        var submission = new TransactionSubmission(network, grant, call, raw!, facts);
        foreach (var guard in _guards)
        {
            var guarded = await guard.CheckAsync(submission, ct);
            if (!guarded.Passed)
            {
                return (call, id, method, Refused(method, guarded.Rule!, guarded.Reason!, facts.Sender, facts.Hash));
            }
        }
        return (call, id, method, null);
    }

    /// <summary>Sends the passed calls to a running node as one batch under ids 0..n-1 and puts each answer back in place.</summary>
    private async Task<int> RelayAsync(Network network, List<JsonElement> calls, List<(int Index, JsonObject Call)> forward, JsonNode?[] answers, CancellationToken ct)
    {
        var node = network.Nodes.Where(n => n.Status == NodeStatus.Up && n.RpcUrl != null).OrderBy(NodeNumbers.Number).FirstOrDefault();
        var batch = new JsonArray();
        for (var k = 0; k < forward.Count; k++)
        {
            var call = (JsonObject)forward[k].Call.DeepClone();
            call["jsonrpc"] = "2.0";
            call["id"] = k;
            batch.Add(call);
        }
        JsonArray? replies = null;
        string? failure = null;
        if (node is null)
        {
            failure = "No node of the network is running.";
        }
        else
        {
            try
            {
                using var client = http.CreateClient(HttpClientName);
                client.Timeout = TimeSpan.FromSeconds(options.Value.NodeTimeoutSeconds);
                using var response = await client.PostAsync(node.RpcUrl, new StringContent(batch.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), ct);
                replies = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonArray
                    ?? throw new JsonException("the node did not answer the batch with an array");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                failure = $"{node.Name} did not answer: {e.Message}";
            }
        }
        foreach (var reply in replies ?? [])
        {
            if (reply is JsonObject answer && answer["id"] is JsonValue v && v.TryGetValue<int>(out var k) && k >= 0 && k < forward.Count)
            {
                answer["id"] = calls[forward[k].Index].TryGetProperty("id", out var original) ? JsonNode.Parse(original.GetRawText()) : null;
                answers[forward[k].Index] = answer.DeepClone();
            }
        }
        foreach (var (index, call) in forward.Where(f => answers[f.Index] is null))
        {
            answers[index] = Error(call["id"]?.DeepClone(), -32603, failure ?? "The node gave no answer to this call.");
        }
        return failure is null ? 200 : 502;
    }

    private static GatewayRefusal Refused(string method, string rule, string reason, string? sender = null, string? hash = null) => new()
    {
        NetworkId = "", Caller = "", Method = method.Length > 100 ? method[..100] : method, Rule = rule, Reason = reason, Sender = sender, TransactionHash = hash,
    };

    /// <summary>JSON-RPC error codes: unknown method, invalid params, invalid request; -32003 (transaction rejected) for policy refusals.</summary>
    private static int CodeOf(string rule) => rule switch
    {
        GatewayRules.MethodNotRelayed => -32601,
        GatewayRules.NotSigned or GatewayRules.TooLarge => -32602,
        GatewayRules.InvalidRequest => -32600,
        _ => -32003,
    };

    public static JsonObject Error(JsonNode? id, int code, string message) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id, ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    public void Dispose() => _decoding.Dispose();

    public async Task<IReadOnlyList<GatewayRefusal>> RefusalsAsync(string networkId, int limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.GatewayRefusals.AsNoTracking().Where(r => r.NetworkId == networkId).OrderByDescending(r => r.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
    }
}
