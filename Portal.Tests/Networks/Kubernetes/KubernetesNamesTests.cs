using System.Text.RegularExpressions;
using NutPortal.Core.Networks.Kubernetes;
using static NutPortal.Tests.Networks.Kubernetes.ManifestFixtures;

namespace NutPortal.Tests.Networks.Kubernetes;

public sealed partial class KubernetesNamesTests
{
    [Theory]
    [InlineData("My Test Net!!")]
    [InlineData("42 is the answer")]
    [InlineData("!!!")]
    [InlineData("")]
    [InlineData("Ünïcödé ネットワーク")]
    [InlineData("a-very-long-network-name-that-goes-on-and-on-and-on-well-past-sixty-three-characters-and-more")]
    public void Resource_names_are_dns_labels_starting_with_a_letter(string networkName)
    {
        var documents = Render(Network(networkName, "3f2a9c1e-0b7d-4e6a-9f51-2c8d7e4b6a10", "node-0", "Node 1 (backup)"), Profile(), new KubernetesOptions());

        Assert.All(documents.Select(Name), name =>
        {
            Assert.Matches(Dns1035Label(), name);
            Assert.InRange(name.Length, 1, KubernetesNames.MaxResourceNameLength);
        });
        Assert.Equal(2, documents.Select(Name).Distinct().Count());
    }

    [Fact]
    public void A_readable_name_keeps_the_network_and_node_names()
    {
        var name = KubernetesNames.NodeResourceName("My Test Net!!", "net-1", "node-0");

        Assert.Matches("^my-test-net-node-0-[0-9a-f]{8}$", name);
    }

    [Fact]
    public void Names_differ_between_networks_of_the_same_name_and_nodes_that_slug_alike()
    {
        Assert.NotEqual(KubernetesNames.NodeResourceName("Net", "id-1", "node-0"), KubernetesNames.NodeResourceName("Net", "id-2", "node-0"));
        Assert.NotEqual(KubernetesNames.NodeResourceName("Net", "id-1", "Node 0"), KubernetesNames.NodeResourceName("Net", "id-1", "node-0"));
        Assert.Equal(KubernetesNames.NodeResourceName("Net", "id-1", "node-0"), KubernetesNames.NodeResourceName("Net", "id-1", "node-0"));
    }

    [Fact]
    public void A_long_network_name_still_leaves_room_for_the_node_name()
    {
        var name = KubernetesNames.NodeResourceName(new string('x', 200), "id", "validator-3");

        Assert.Contains("-validator-3-", name, StringComparison.Ordinal);
        Assert.StartsWith("xxxxxxxx", name, StringComparison.Ordinal);
        Assert.InRange(name.Length, 40, KubernetesNames.MaxResourceNameLength);
    }

    [Theory]
    [InlineData("3f2a9c1e-0b7d-4e6a-9f51-2c8d7e4b6a10", "3f2a9c1e-0b7d-4e6a-9f51-2c8d7e4b6a10")]
    [InlineData("Node 1 (backup)", "Node-1--backup")]
    [InlineData("--x--", "x")]
    public void Label_values_are_valid(string value, string expected)
    {
        var label = KubernetesNames.LabelValue(value);

        Assert.Equal(expected, label);
        Assert.Matches("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$", label);
    }

    [Fact]
    public void A_long_label_value_is_cut_to_63()
    {
        Assert.Equal(63, KubernetesNames.LabelValue(new string('a', 100)).Length);
    }

    [Theory]
    [InlineData("nutportal", true)]
    [InlineData("team-1", true)]
    [InlineData("Team", false)]
    [InlineData("-x", false)]
    [InlineData("x-", false)]
    [InlineData("a.b", false)]
    [InlineData("", false)]
    public void Namespace_names_are_checked_as_dns_labels(string value, bool valid)
    {
        Assert.Equal(valid, KubernetesNames.IsDns1123Label(value));
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Label();
}
