using System.Diagnostics;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Tooling;

namespace NutPortal.Tests.Infrastructure;

/// <summary>
/// A real anvil node on a free loopback port, started for a test class or collection and killed on dispose.
/// Anvil's accounts are unlocked and prefunded with 10000 ETH each (deterministic test mnemonic).
/// </summary>
public sealed class AnvilNode : IAsyncLifetime, IDisposable
{
    public const ulong ChainId = 31337;

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;

    public IJsonRpcClient Rpc { get; private set; } = null!;

    /// <summary>Anvil's first default account (from the "test test ... junk" mnemonic).</summary>
    public static string Account0 => "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    public static string BinaryPath =>
        Path.Combine(
            RepositoryLayout.NodePackage("@foundry-rs/anvil-linux-amd64")
                ?? throw new InvalidOperationException("@foundry-rs/anvil-linux-amd64 is not installed: run npm ci"),
            "bin",
            "anvil");

    public async Task InitializeAsync()
    {
        var port = FreePorts.Next();
        var psi = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--host", "127.0.0.1", "--port", port.ToString(), "--chain-id", ChainId.ToString(), "--silent" })
        {
            psi.ArgumentList.Add(arg);
        }
        _process = Process.Start(psi) ?? throw new InvalidOperationException("anvil did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        Rpc = EthereumRpc.Client(_http, Endpoint);
        await WaitForRpcAsync();
    }

    private async Task WaitForRpcAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"anvil exited with {_process.ExitCode} before answering RPC");
            }
            try
            {
                await Rpc.GetChainIdAsync();
                return;
            }
            catch (JsonRpcClientException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        _process = null;
        _http.Dispose();
    }
}
