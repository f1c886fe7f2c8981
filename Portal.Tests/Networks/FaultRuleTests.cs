using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms.Litecoin;
using NutPortal.Core.Networks.Platforms.Neo;

namespace NutPortal.Tests.Networks;

/// <summary>The network state an operator sees follows each platform's own fault rule.</summary>
public sealed class FaultRuleTests
{
    private static readonly NeoPlatform Neo = new(null!, Microsoft.Extensions.Options.Options.Create(new NetworkOptions()));
    private static readonly LitecoinPlatform Litecoin = new(null!, Microsoft.Extensions.Options.Options.Create(new NetworkOptions()));

    [Theory]
    [InlineData(4, 0, NetworkStatus.Running)]
    [InlineData(4, 1, NetworkStatus.Degraded)]
    [InlineData(4, 2, NetworkStatus.Halted)]
    [InlineData(7, 2, NetworkStatus.Degraded)]
    [InlineData(7, 3, NetworkStatus.Halted)]
    [InlineData(1, 1, NetworkStatus.Halted)]
    public void A_neo_network_is_degraded_while_two_f_plus_one_consensus_nodes_are_up_and_halted_below(int nodes, int down, NetworkStatus expected)
    {
        var network = Nodes(nodes, down);

        var status = NetworkStatusRules.Derive(NetworkStatus.Running, network, Neo.CanProduceBlocks(new NetworkProfile { NodeCount = nodes }, network));

        Assert.Equal(expected, status);
    }

    [Fact]
    public void A_litecoin_network_halts_only_when_every_mining_node_is_down()
    {
        var profile = new NetworkProfile { NodeCount = 3, Litecoin = new LitecoinSettings { MiningNodes = [1, 2] } };
        var oneMinerDown = Nodes(3, 1);
        var bothMinersDown = Nodes(3, 2);

        Assert.Equal(NetworkStatus.Degraded, NetworkStatusRules.Derive(NetworkStatus.Running, oneMinerDown, Litecoin.CanProduceBlocks(profile, oneMinerDown)));
        Assert.Equal(NetworkStatus.Halted, NetworkStatusRules.Derive(NetworkStatus.Running, bothMinersDown, Litecoin.CanProduceBlocks(profile, bothMinersDown)));
    }

    [Fact]
    public void A_neo_profile_accepts_only_the_transactions_per_block_neo_express_uses()
    {
        var errors = Neo.Validate(new NetworkProfile { Platform = "neo-express", NodeCount = 4, Consensus = "dbft", Accounts = new AccountsSpec { Count = 0 }, Neo = new NeoSettings { MaxTransactionsPerBlock = 100 } });

        Assert.Equal("neo.maxTransactionsPerBlock", Assert.Single(errors).Field);
    }

    /// <summary>node-1 .. node-n; the first <paramref name="down"/> nodes are Down.</summary>
    private static List<NetworkNode> Nodes(int count, int down) =>
    [
        .. Enumerable.Range(1, count).Select(i => new NetworkNode
        {
            Id = $"n{i}", NetworkId = "net", Name = $"node-{i}", DataDirectory = $"/tmp/node-{i}",
            Status = i <= down ? NodeStatus.Down : NodeStatus.Up,
        }),
    ];
}
