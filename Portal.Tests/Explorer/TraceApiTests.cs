using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Traces;

namespace NutPortal.Tests.Explorer;

public sealed class TraceApiTests(ExplorerNetworkFixture fixture) : IClassFixture<ExplorerNetworkFixture>
{
    [Fact]
    public async Task A_chain_only_transfer_has_the_stages_the_chain_shows_and_a_one_frame_call_tree()
    {
        var trace = await fixture.Client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/networks/{fixture.Chain.Id}/transactions/{fixture.Transfer.TransactionHash}/trace");

        var stages = trace.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()).ToList();
        Assert.Equal(["included", "confirmed"], stages);
        Assert.Equal($"block {fixture.Transfer.BlockNumber}", trace.GetProperty("stages")[0].GetProperty("detail").GetString());
        var root = trace.GetProperty("callTree");
        Assert.Equal("CALL", root.GetProperty("type").GetString());
        Assert.Equal(fixture.Recipient, root.GetProperty("to").GetString());
        Assert.Equal("1.5", root.GetProperty("valueEth").GetString());
        Assert.Empty(root.GetProperty("calls").EnumerateArray());
    }

    [Fact]
    public async Task A_failed_creation_shows_the_failing_frame_with_its_decoded_reason()
    {
        var trace = await fixture.Client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/networks/{fixture.Chain.Id}/transactions/{fixture.Failed.TransactionHash}/trace");

        Assert.False(trace.GetProperty("succeeded").GetBoolean());
        var root = trace.GetProperty("callTree");
        Assert.Equal("CREATE", root.GetProperty("type").GetString());
        Assert.Equal("execution reverted", root.GetProperty("error").GetString());
        Assert.Equal("nope", root.GetProperty("revert").GetString());
    }

    [Fact]
    public async Task A_transaction_the_portal_sends_has_every_stage_and_the_traces_summary_counts_it()
    {
        var sender = fixture.Portal.Services.GetRequiredService<TracedSender>();

        var hash = await sender.SendAsync(fixture.Chain.Id, new Uri(fixture.Chain.RpcUrl), async (rpc, ct) => new Transaction
        {
            ChainId = ExplorerChain.ChainId,
            Nonce = await rpc.GetTransactionCountAsync(fixture.Chain.Key.Address.ToLowerHex(), BlockParameter.Pending, ct),
            MaxPriorityFeePerGas = 1_000_000_000,
            MaxFeePerGas = 100_000_000_000,
            GasLimit = 21_000,
            To = Address.Parse(fixture.Recipient),
            Value = 42,
        }, fixture.Chain.Key);
        var receipt = await fixture.Chain.Rpc.WaitForTransactionReceiptAsync(hash, TimeSpan.FromSeconds(20));
        await fixture.Chain.WaitForIndexedAsync((long)receipt.BlockNumber + 6);

        var trace = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{fixture.Chain.Id}/transactions/{hash}/trace");
        var stages = trace.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["built and signed", "submitted", "pending", "included", "confirmed"], stages.Select(s => s.GetProperty("stage").GetString()));
        Assert.All(stages, s => Assert.Equal(JsonValueKind.Number, s.GetProperty("durationMilliseconds").ValueKind));
        Assert.Equal("confirmed", trace.GetProperty("slowestStage").GetString()); // six blocks at one per second
        Assert.Equal($"depth 6 at block {receipt.BlockNumber + 6}", stages[4].GetProperty("detail").GetString());

        var summary = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{fixture.Chain.Id}/traces?portalOnly=true");
        Assert.Equal([hash], summary.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("hash").GetString()));
        var submitted = summary.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "submitted");
        Assert.Equal(1, submitted.GetProperty("count").GetInt32());
        var all = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{fixture.Chain.Id}/traces?status=failed");
        Assert.Equal([fixture.Failed.TransactionHash], all.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("hash").GetString()));
    }
}
