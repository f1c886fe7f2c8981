using System.Net.Http.Json;
using System.Text.Json;

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
}
