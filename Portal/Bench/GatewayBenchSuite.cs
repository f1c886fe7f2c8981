using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nethereum.Signer;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Bench;

/// <summary>
/// The JSON-RPC gateway against its anvil node (automine), in one portal: [calls] (default 2000) eth_blockNumber
/// calls straight to the node and through the gateway, one at a time (p50/p95 each and the gateway's added latency),
/// then [transactions] (default 1000) pre-signed transfers submitted through the gateway from 8 tasks with every check
/// on (token, organization, method, decode, sender recovery, chain id): transactions/s and p50/p95 per submission;
/// then the same again with a security policy on (levels, an access rule that covers the call, the PII check with all
/// four detectors and a custom pattern), each transaction carrying a store(string) call with text but no personal data.
/// </summary>
internal sealed class GatewayBenchSuite : IBenchSuite
{
    private const int Senders = 8;
    private const string Recipient = "0x00000000000000000000000000000000000000aa";

    /// <summary>store("order 48213 shipped to warehouse 7, pallet B-12, 2026-12-03"): text for the PII check to read, none of it personal.</summary>
    private static readonly string Calldata = NutPortal.Core.Ethereum.Hex.Encode(
        NutPortal.Core.Ethereum.Abi.ContractAbi.Parse("""[{"type":"function","name":"store","stateMutability":"nonpayable","inputs":[{"name":"t","type":"string"}],"outputs":[]}]""")
            .GetFunction("store").EncodeCall("order 48213 shipped to warehouse 7, pallet B-12, 2026-12-03"));

    /// <summary>Levels by contract and function, an access rule covering the call, all four PII detectors and a custom pattern, "reject".</summary>
    private static object Policy(string organization) => new
    {
        defaultLevel = "internal",
        levelRules = new object[]
        {
            new { name = "store-confidential", level = "confidential", function = "store(string)" },
            new { name = "recipient-secret", level = "secret", contract = "0x00000000000000000000000000000000000000bb" },
        },
        accessRules = new[] { new { name = "store-by-members", contract = Recipient, function = "store(string)", organizations = new[] { organization } } },
        pii = new { action = "reject", patterns = new[] { new { name = "employee-id", regex = "EMP-[0-9]{6}" } } },
    };

    public string Name => "gateway";

    public string Description => "JSON-RPC gateway: added latency p50/p95 over the node and signed transactions/s with the checks on, and with a security policy on [calls, default 2000] [transactions, default 1000]";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var calls = arguments.Count > 0 && int.TryParse(arguments[0], out var n) ? n : 2000;
        var transactions = arguments.Count > 1 && int.TryParse(arguments[1], out var m) ? m : 1000;
        await using var bench = await BenchPortal.StartAsync(ct, "--Portal:Explorer:IndexerEnabled=false");
        var app = bench.App;
        var token = bench.Token;
        using var portal = bench.CreateClient();
        var created = await portal.PostAsJsonAsync("/api/v1/networks", new { name = "bench-gateway", platform = "ethereum-anvil", blockIntervalSeconds = 0, accounts = new { count = 1 } }, ct);
        created.EnsureSuccessStatusCode();
        var networkId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
        await OracleBenchChain.UntilRunningAsync(portal, networkId, ct);
        var network = await portal.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}", ct);
        using var node = new HttpClient { BaseAddress = new Uri(network.GetProperty("nodes")[0].GetProperty("rpcUrl").GetString()!) };
        var gateway = $"/rpc/{networkId}";

        var direct = await TimeCallsAsync(node, "", calls, ct);
        var through = await TimeCallsAsync(portal, gateway, calls, ct);
        report.Figure("gateway.read.direct_p50", direct[direct.Length / 2], "ms");
        report.Figure("gateway.read.gateway_p50", through[through.Length / 2], "ms");
        report.Figure("gateway.read.gateway_p95", through[(int)(through.Length * 0.95)], "ms");
        report.Figure("gateway.read.added_p50", through[through.Length / 2] - direct[direct.Length / 2], "ms");
        report.Figure("gateway.read.added_p95", through[(int)(through.Length * 0.95)] - direct[(int)(direct.Length * 0.95)], "ms");

        // The same kind of transaction straight to the node, then through the gateway (after a warm-up) in rounds that
        // alternate the policy off and on, so load from the machine's other work falls on both alike.
        var straight = Report(report, "gateway.tx_direct", [await SubmitAsync(node, node, "", transactions, ct)]);
        await SubmitAsync(node, portal, gateway, Math.Max(100, transactions / 5), ct);
        var organization = network.GetProperty("organizationId").GetString()!;
        var off = new List<TransactionRun>();
        var on = new List<TransactionRun>();
        for (var round = 0; round < 2; round++)
        {
            (await portal.PutAsJsonAsync($"/api/v1/networks/{networkId}/policy", new { }, ct)).EnsureSuccessStatusCode();
            off.Add(await SubmitAsync(node, portal, gateway, transactions / 2, ct));
            (await portal.PutAsJsonAsync($"/api/v1/networks/{networkId}/policy", Policy(organization), ct)).EnsureSuccessStatusCode();
            on.Add(await SubmitAsync(node, portal, gateway, transactions / 2, ct));
        }
        var policyOff = Report(report, "gateway.tx", off);
        var policyOn = Report(report, "gateway.tx_policy", on);
        report.Figure("gateway.tx.added_p50", policyOff.P50 - straight.P50, "ms");
        report.Figure("gateway.tx.added_p95", policyOff.P95 - straight.P95, "ms");
        report.Figure("gateway.tx_policy.added_p50", policyOn.P50 - straight.P50, "ms");
        report.Figure("gateway.tx_policy.added_p95", policyOn.P95 - straight.P95, "ms");
        await portal.DeleteAsync($"/api/v1/networks/{networkId}", CancellationToken.None);
    }

    private static async Task<double[]> TimeCallsAsync(HttpClient client, string path, int count, CancellationToken ct)
    {
        var call = new { jsonrpc = "2.0", id = 1, method = "eth_blockNumber", @params = Array.Empty<object>() };
        for (var i = 0; i < 50; i++)
        {
            (await client.PostAsJsonAsync(path, call, ct)).EnsureSuccessStatusCode(); // warm up
        }
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync(path, call, ct);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(ct);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    private sealed record TransactionRun(double[] Latencies, double Seconds, int NotAccepted);

    private static (double P50, double P95) Report(BenchReport report, string prefix, IReadOnlyList<TransactionRun> runs)
    {
        var latencies = runs.SelectMany(r => r.Latencies).Order().ToArray();
        report.Figure($"{prefix}.rate", latencies.Length / runs.Sum(r => r.Seconds), "tx/s");
        report.Figure($"{prefix}.p50", latencies[latencies.Length / 2], "ms");
        report.Figure($"{prefix}.p95", latencies[(int)(latencies.Length * 0.95)], "ms");
        report.Figure($"{prefix}.not_accepted", runs.Sum(r => r.NotAccepted), "tx");
        return (latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.95)]);
    }

    /// <summary>Each of 8 keys (funded on the node) signs its share of store(string) calls up front; submitting them is what is timed.</summary>
    private static async Task<TransactionRun> SubmitAsync(HttpClient node, HttpClient client, string path, int count, CancellationToken ct)
    {
        var signer = new LegacyTransactionSigner();
        var perSender = (count + Senders - 1) / Senders;
        var signed = new List<string>[Senders];
        for (var s = 0; s < Senders; s++)
        {
            var key = EthECKey.GenerateKey();
            (await node.PostAsJsonAsync("", new { jsonrpc = "2.0", id = 1, method = "anvil_setBalance", @params = new[] { key.GetPublicAddress(), "0x21E19E0C9BAB2400000" } }, ct)).EnsureSuccessStatusCode();
            signed[s] = [.. Enumerable.Range(0, perSender).Select(nonce =>
                "0x" + signer.SignTransaction(key.GetPrivateKeyAsBytes(), 31337, Recipient, 1, nonce, 2_000_000_000, 100_000, Calldata))];
        }
        var latencies = new double[Senders * perSender];
        var refused = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(s => Task.Run(async () =>
        {
            for (var i = 0; i < perSender; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync(path, new { jsonrpc = "2.0", id = i, method = "eth_sendRawTransaction", @params = new[] { signed[s][i] } }, ct);
                var reply = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                latencies[(s * perSender) + i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!reply.TryGetProperty("result", out _))
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }, ct)));
        total.Stop();
        return new TransactionRun(latencies, total.Elapsed.TotalSeconds, refused);
    }
}
