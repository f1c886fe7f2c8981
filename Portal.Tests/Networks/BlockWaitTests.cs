using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Tests.Networks;

/// <summary>The deploy check's step error names each node that fell behind or stopped answering (a node killed mid-deploy).</summary>
public sealed class BlockWaitTests
{
    [Fact]
    public async Task A_timed_out_wait_names_the_nodes_behind_with_their_height_or_why_they_gave_no_answer()
    {
        NetworkNode[] nodes = [.. Enumerable.Range(1, 3).Select(i => new NetworkNode { Id = $"n{i}", NetworkId = "n", Name = $"node-{i}", DataDirectory = "/nowhere" })];
        Task<long> Height(NetworkNode node) => node.Name switch
        {
            "node-1" => Task.FromResult(7L),
            "node-2" => throw new NodeRpcException("Connection refused (node http://127.0.0.1:20003/)"),
            _ => Task.FromResult(5L),
        };

        var error = await Assert.ThrowsAsync<NodeStartException>(() =>
            BlockWait.UntilEveryNodeAsync(nodes, Height, h => h >= 7, TimeSpan.FromMilliseconds(300), "Not every node received block 7.", "Open the logs.", CancellationToken.None));

        Assert.Equal("Not every node received block 7. Behind: node-2 gave no answer (Connection refused (node http://127.0.0.1:20003/)); node-3 at height 5.", error.Message);
        Assert.Equal("Open the logs.", error.Hint);
    }
}
