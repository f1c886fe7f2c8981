using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Networks.Platforms.Litecoin;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Networks;

/// <summary>
/// The start order a deployment cannot choose, set up on purpose with real litecoind processes launched as the
/// platform launches them: the two non-mining nodes come up first and dial only each other, and the miner, up
/// last, reaches them only on connections it dialled itself. Its first block must still reach both (the
/// deployment's own check), which fresh regtest nodes in initial block download refuse unless the network's
/// peers are trusted block sources.
/// </summary>
public sealed class LitecoinPeeringTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_miner_that_comes_up_after_the_other_nodes_have_peered_with_each_other_still_gets_its_block_to_them()
    {
        var platform = portal.Services.GetServices<IBlockchainPlatform>().OfType<LitecoinPlatform>().Single();
        var rpc = portal.Services.GetRequiredService<LitecoinNode>();
        var ports = portal.Services.GetRequiredService<PortAllocator>();
        // The profile the new-network form builds for Litecoin: three nodes, node-1 the only miner.
        var profile = new NetworkProfile { Name = "peering", Platform = LitecoinPlatform.PlatformName, NodeCount = 3, Consensus = "pow", Accounts = new() { Count = 0 } };
        var folder = Directory.CreateTempSubdirectory("nutportal-ltc-peering-").FullName;
        var contexts = new List<NodeLaunchContext>();
        for (var i = 1; i <= 3; i++)
        {
            contexts.Add(new NodeLaunchContext($"node-{i}", "127.0.0.1", await ports.AllocateAsync(CancellationToken.None), Path.Combine(folder, $"node-{i}"), i - 1));
        }
        contexts = [.. contexts.Select(c => c with { Peers = contexts })];
        var nodes = contexts.Select(c => new NetworkNode
        {
            Id = c.NodeName, NetworkId = "peering", Name = c.NodeName, DataDirectory = c.DataDirectory, Port = c.Port,
            RpcUrl = $"http://{c.Host}:{c.Port}", Status = NodeStatus.Up,
        }).ToList();
        var processes = new List<Process>();
        try
        {
            // node-3, then node-2 (which dials node-3), then node-3 dials node-2: the two are each other's only outbound peers.
            processes.Add(await StartAsync(platform, profile, contexts[2], nodes[2]));
            processes.Add(await StartAsync(platform, profile, contexts[1], nodes[1]));
            await rpc.CallAsync(nodes[2], "addnode", [$"127.0.0.1:{contexts[1].P2pPort}", "onetry"], CancellationToken.None);
            await UntilAsync(async () => await OutboundAsync(rpc, nodes[1]) == 1 && await OutboundAsync(rpc, nodes[2]) == 1, "node-2 and node-3 dialled each other");

            processes.Add(await StartAsync(platform, profile, contexts[0], nodes[0]));
            await platform.PrepareNodeAsync(profile, nodes[0], CancellationToken.None);
            await UntilAsync(async () => (await platform.ReadStateAsync(nodes[0], CancellationToken.None)).Peers == 2, "node-1 dialled node-2 and node-3");
            Assert.Equal(1, await OutboundAsync(rpc, nodes[1]));
            Assert.Equal(1, await OutboundAsync(rpc, nodes[2]));

            // The deployment's verify step: node-1 mines block 1 and every node must have it within its 30 s.
            var message = await platform.VerifyAsync(profile, nodes, CancellationToken.None);

            Assert.Equal("node-1 mined block 1; all 3 node(s) have it.", message);
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                process.Dispose();
            }
            contexts.ForEach(c => ports.Release(c.Port));
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Process> StartAsync(LitecoinPlatform platform, NetworkProfile profile, NodeLaunchContext context, NetworkNode node)
    {
        Directory.CreateDirectory(context.DataDirectory);
        var launch = platform.CreateLaunch(profile, context);
        var start = new ProcessStartInfo(launch.Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        launch.Arguments.ToList().ForEach(start.ArgumentList.Add);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await UntilAsync(async () => (await platform.ReadStateAsync(node, CancellationToken.None)).Height == 0, $"{node.Name} answers its RPC");
        return process;
    }

    private static async Task<int> OutboundAsync(LitecoinNode rpc, NetworkNode node) =>
        (await rpc.CallAsync(node, "getpeerinfo", [], CancellationToken.None)).EnumerateArray().Count(p => !p.GetProperty("inbound").GetBoolean());

    private static Task UntilAsync(Func<Task<bool>> condition, string what) =>
        BlockWait.UntilAsync(condition, Ready, $"Waited {Ready.TotalSeconds} s for {what}.", "", CancellationToken.None);
}
