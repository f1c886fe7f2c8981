using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Kubernetes;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Tests.Networks.Kubernetes;

internal static class ManifestFixtures
{
    public static readonly AnvilPlatform Anvil = new();

    public static NetworkProfile Profile(string hardfork = "prague") => new()
    {
        Name = "Test net",
        Platform = AnvilPlatform.PlatformName,
        Driver = "kubernetes",
        ChainId = 31337,
        BlockIntervalSeconds = 2,
        BlockGasLimit = 30_000_000,
        Hardfork = hardfork,
        Hardware = new HardwareSpec { Cpus = 1.5, MemoryMb = 1024, DiskGb = 10 },
    };

    public static Network Network(string name = "Test net", string id = "net-7f3a", params string[] nodes) => new()
    {
        Id = id,
        Name = name,
        Platform = AnvilPlatform.PlatformName,
        Driver = "kubernetes",
        ProfileJson = "{}",
        CreatedBy = "alice",
        Nodes = (nodes.Length == 0 ? ["node-0"] : nodes)
            .Select(n => new NetworkNode { Id = id + "-" + n, NetworkId = id, Name = n, DataDirectory = "/unused" })
            .ToList(),
    };

    public static List<Dictionary<string, object?>> Render(Network network, NetworkProfile profile, KubernetesOptions options) =>
        ManifestYaml.Documents(new KubernetesManifestRenderer().Render(network, profile, Anvil, options));

    public static string Kind(Dictionary<string, object?> document) => (string)document["kind"]!;

    public static Dictionary<string, object?> Single(List<Dictionary<string, object?>> documents, string kind) =>
        Assert.Single(documents, d => Kind(d) == kind);

    public static KubernetesCluster Cluster(KubernetesOptions options) => new(Microsoft.Extensions.Options.Options.Create(options));

    /// <summary>Options pointing at the fake API server, in namespace <c>chains</c>.</summary>
    public static KubernetesOptions Options(this FakeKubernetesApi api, bool createNamespace = false, int readyTimeoutSeconds = 30) => new()
    {
        Kubeconfig = api.Kubeconfig,
        Namespace = "chains",
        CreateNamespace = createNamespace,
        ReadyTimeoutSeconds = readyTimeoutSeconds,
    };

    public static string Name(Dictionary<string, object?> document) => (string)ManifestYaml.Path(document, "metadata|name")!;
}
