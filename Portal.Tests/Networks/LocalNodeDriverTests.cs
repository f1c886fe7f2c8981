using Microsoft.Extensions.Logging.Abstractions;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Drivers;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Networks;

/// <summary>The local driver against real anvil processes.</summary>
public sealed class LocalNodeDriverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("nutportal-driver-").FullName;
    private readonly LocalNodeDriver _driver = new(NullLogger<LocalNodeDriver>.Instance);

    [Fact]
    public async Task A_started_node_counts_as_running_from_the_moment_its_id_is_handed_out()
    {
        // setsid execs sh, sh execs anvil, and /proc/<pid>/cmdline reads empty during each exec: a check in one of
        // those windows used to report a starting node as exited. Polled hard right after start, every time.
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var (request, node) = Request($"node-{attempt}");
            node.ProcessId = await _driver.StartAsync(request, CancellationToken.None);
            try
            {
                for (var check = 0; check < 200; check++)
                {
                    Assert.True(_driver.IsRunning(node), $"attempt {attempt}, check {check}: '{ProcessSignals.CommandLine(node.ProcessId!.Value)}'");
                }
                Assert.StartsWith(request.Launch.Executable + " ", ProcessSignals.CommandLine(node.ProcessId!.Value), StringComparison.Ordinal);
            }
            finally
            {
                await _driver.StopAsync(node, TimeSpan.FromSeconds(5), CancellationToken.None);
            }
            Assert.False(_driver.IsRunning(node));
        }
    }

    [Theory]
    [InlineData("/opt/anvil --port 1 --state /data/n1/state.json", true)]
    [InlineData("sh -c exec \"$0\" \"$@\" /opt/anvil --port 1 --state /data/n1/state.json", false)]
    [InlineData("setsid sh -c exec \"$0\" \"$@\" /opt/anvil --state /data/n1/state.json", false)]
    [InlineData("", false)]
    [InlineData("/opt/anvil --port 1 --state /data/n2/state.json", false)]
    public void Only_the_node_itself_with_its_own_data_folder_is_the_node(string commandLine, bool expected) =>
        Assert.Equal(expected, LocalNodeDriver.IsNode(commandLine, "/opt/anvil", "/data/n1"));

    private (NodeStartRequest Request, NetworkNode Node) Request(string name)
    {
        var profile = new NetworkProfile
        {
            Name = "driver", Platform = AnvilPlatform.PlatformName, Driver = LocalNodeDriver.DriverName, ChainId = 31337, BlockIntervalSeconds = 1,
            BlockGasLimit = 30_000_000, Hardfork = "prague", Hardware = new HardwareSpec { Cpus = 1, MemoryMb = 512, DiskGb = 1 },
        };
        var node = new NetworkNode { Id = name, NetworkId = "driver-net", Name = name, DataDirectory = Path.Combine(_root, name) };
        var network = new Network
        {
            Id = "driver-net", Name = "driver", Platform = AnvilPlatform.PlatformName, Driver = LocalNodeDriver.DriverName, ProfileJson = "{}",
            CreatedBy = "test", Nodes = [node],
        };
        var launch = new AnvilPlatform().CreateLaunch(profile, new NodeLaunchContext(name, "127.0.0.1", FreePorts.Next(), node.DataDirectory));
        return (new NodeStartRequest(network, node, profile, launch), node);
    }

    public void Dispose()
    {
        _driver.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
