using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Workers.ContractTests;

/// <summary>
/// A fresh anvil for one test run: a free loopback port, anvil's ten funded dev accounts, no state on disk.
/// Its command line names the run's folder (its config is written there), so a leftover process can be found.
/// Disposing kills the process tree and waits for it to exit, whatever state the run ended in.
/// </summary>
internal sealed class ThrowawayAnvil : IAsyncDisposable
{
    private readonly Process _process;

    private ThrowawayAnvil(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public int ProcessId => _process.Id;

    public static async Task<ThrowawayAnvil> StartAsync(string folder, long blockGasLimit, TimeSpan startTimeout, IJsonRpcClientFactory rpcFactory, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        // Another process may take the free port between the probe and anvil's bind: try a few ports.
        for (var attempt = 1; ; attempt++)
        {
            var node = Launch(folder, FreePort(), blockGasLimit);
            try
            {
                await node.WaitForRpcAsync(rpcFactory.CreateEthereum(node.Endpoint), startTimeout, ct);
                return node;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await node.DisposeAsync();
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }
        }
    }

    private static ThrowawayAnvil Launch(string folder, int port, long blockGasLimit)
    {
        var psi = new ProcessStartInfo(AnvilPlatform.BinaryPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        string[] arguments =
        [
            "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--chain-id", "31337", "--accounts", "10", "--hardfork", "prague",
            "--gas-limit", blockGasLimit.ToString(CultureInfo.InvariantCulture), "--config-out", Path.Combine(folder, "anvil.json"),
        ];
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }
        psi.Environment["NO_COLOR"] = "1";
        var process = Process.Start(psi) ?? throw new InvalidOperationException("anvil did not start.");
        // Drain the pipes so anvil never blocks writing its log.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ThrowawayAnvil(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    private async Task WaitForRpcAsync(IJsonRpcClient rpc, TimeSpan timeout, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The test node (anvil) exited with code {_process.ExitCode} while starting.");
            }
            try
            {
                await rpc.GetChainIdAsync(ct);
                return;
            }
            catch (JsonRpcClientException) when (waited.Elapsed < timeout)
            {
                await Task.Delay(50, ct);
            }
            catch (JsonRpcClientException e)
            {
                throw new TimeoutException($"The test node (anvil) did not answer JSON-RPC within {timeout.TotalSeconds:0} s.", e);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped within 10 s; SIGKILL cannot be ignored, so it is on its way out.
        }
        _process.Dispose();
    }
}
