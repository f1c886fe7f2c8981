using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Oracle;
using NutPortal.Core.Oracle.Chain;
using NutPortal.Core.Persistence;

namespace NutPortal.Web.Bench;

/// <summary>
/// The on-chain half of `bench oracle`: NutOracle deployed through the API, requests sent to it one after another
/// from the network's funded account (an account as requester: its callback call always succeeds), and for each the
/// time from its request event mined to its fulfilment mined, as the portal recorded them.
/// </summary>
internal sealed class OracleBenchChain(IServiceProvider services, HttpClient client, string networkId, string url)
{
    public async Task MeasureAsync(BenchReport report, int count, CancellationToken ct)
    {
        var deployed = await client.PostAsync($"/api/v1/networks/{networkId}/oracle", null, ct);
        deployed.EnsureSuccessStatusCode();
        var contract = (await deployed.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("contractAddress").GetString()!;
        var signer = services.GetRequiredService<NetworkSigner>();
        var mined = new Dictionary<string, DateTime>();
        var started = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var data = OracleAbi.Request.EncodeCall(url, "$.data.price", 1, 2, new byte[4]);
            var receipt = await signer.SendAsync(networkId, contract, data, 0, ct);
            var topic = receipt.Logs.Single(l => l.Topics.Count > 1 && string.Equals(l.Topics[0], Hex.Encode(OracleAbi.Requested.Topic), StringComparison.OrdinalIgnoreCase)).Topics[1];
            mined[new BigInteger(Hex.Decode(topic), isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture)] = DateTime.UtcNow;
        }
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        List<OracleRequest> requests;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            requests = await db.OracleRequests.AsNoTracking().Where(r => r.NetworkId == networkId && r.ChainKey != null).ToListAsync(ct);
            if (requests.Count == count && requests.All(r => r.Fulfilment is OracleFulfilment.Fulfilled or OracleFulfilment.Failed))
            {
                break;
            }
            await Task.Delay(100, ct);
        }
        started.Stop();
        var latencies = requests.Select(r => (r.FulfilledAt!.Value - mined[r.CallerRequestId!]).TotalMilliseconds).Order().ToArray();
        report.Figure("oracle.chain.requests", count, "requests");
        report.Figure("oracle.chain.fulfilled", requests.Count(r => r.Fulfilment == OracleFulfilment.Fulfilled && r.Status == OracleStatus.Succeeded), "requests");
        report.Figure("oracle.chain.throughput", count / started.Elapsed.TotalSeconds, "req/s");
        report.Figure("oracle.chain.event_to_fulfilment_p50", latencies[latencies.Length / 2], "ms");
        report.Figure("oracle.chain.event_to_fulfilment_p95", latencies[(int)(latencies.Length * 0.95)], "ms");
    }

    public static async Task UntilRunningAsync(HttpClient client, string networkId, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}", ct)).GetProperty("status").GetString() != "Running")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Network {networkId} did not run within 3 minutes.");
            }
            await Task.Delay(250, ct);
        }
    }
}
