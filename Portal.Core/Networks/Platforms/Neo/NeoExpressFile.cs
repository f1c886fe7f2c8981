using System.Globalization;
using System.Text.Json.Nodes;

namespace NutPortal.Core.Networks.Platforms.Neo;

/// <summary>
/// The network's <c>.neo-express</c> file: made once by <c>neoxp create -c N</c> (it holds the consensus nodes'
/// keys, which neo-express reads unencrypted, so the file is readable by the portal's user only), then given the
/// ports the portal allocated and the profile's network magic, and copied into every node's folder so each node's
/// command line names its own folder.
/// </summary>
public static class NeoExpressFile
{
    public const string FileName = "network.neo-express";

    public static string PathFor(string nodeDirectory) => Path.Combine(nodeDirectory, FileName);

    public static async Task<string> WriteAsync(NeoExpress tool, NetworkProfile profile, IReadOnlyList<NodeLaunchContext> nodes, CancellationToken ct)
    {
        var networkDirectory = Path.GetDirectoryName(nodes[0].DataDirectory)!;
        Directory.CreateDirectory(networkDirectory);
        var master = Path.Combine(networkDirectory, FileName);
        if (!File.Exists(master))
        {
            await tool.RunAsync(networkDirectory, ["create", "-c", profile.NodeCount.ToString(CultureInfo.InvariantCulture), master], ct);
            Protect(master);
        }
        var json = JsonNode.Parse(await File.ReadAllTextAsync(master, ct))!.AsObject();
        var consensus = json["consensus-nodes"]!.AsArray();
        if (consensus.Count != nodes.Count)
        {
            throw new NodeStartException($"The network's neo-express file has {consensus.Count} consensus nodes, the network {nodes.Count}.", "Delete the network and create it again.");
        }
        json["magic"] = (uint)profile.ChainId;
        foreach (var node in nodes)
        {
            var entry = consensus[node.Index]!.AsObject();
            entry["rpc-port"] = node.Port;
            entry["tcp-port"] = node.P2pPort;
            entry["ws-port"] = node.ExtraPort;
        }
        json["settings"] = new JsonObject { ["rpc.BindAddress"] = "127.0.0.1" };
        var text = json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(master, text, ct);
        foreach (var node in nodes)
        {
            Directory.CreateDirectory(node.DataDirectory);
            var copy = PathFor(node.DataDirectory);
            await File.WriteAllTextAsync(copy, text, ct);
            Protect(copy);
        }
        return $"{nodes.Count} consensus node(s), network magic {profile.ChainId}, ports {string.Join(", ", nodes.Select(n => $"{n.NodeName} RPC {n.Port} P2P {n.P2pPort}"))}.";
    }

    private static void Protect(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
