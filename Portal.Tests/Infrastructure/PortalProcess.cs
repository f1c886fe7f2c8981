using System.Diagnostics;

namespace NutPortal.Tests.Infrastructure;

/// <summary>
/// The portal as a separate operating-system process (the built Portal.dll), for tests that must kill it the
/// hard way and start it again on the same data.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);

    private readonly Process _process;

    private PortalProcess(Process process, Uri address, string dataDirectory)
    {
        _process = process;
        Address = address;
        DataDirectory = dataDirectory;
    }

    /// <summary>The master key every test portal process protects its key ring with (test data only).</summary>
    public const string MasterKey = "bnV0cG9ydGFsLXRlc3QtbWFzdGVyLWtleS0zMmJ5dGU=";

    public Uri Address { get; }

    public string DataDirectory { get; }

    /// <summary>Starts the portal on <paramref name="dataDirectory"/>; <paramref name="settings"/> are extra <c>--Key=value</c> arguments.</summary>
    public static async Task<PortalProcess> StartAsync(string dataDirectory, string bootstrapToken, params string[] settings)
    {
        var port = FreePorts.Next();
        var psi = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Portal.dll"), "--urls", $"http://127.0.0.1:{port}",
                $"--Portal:DataDirectory={dataDirectory}", $"--Portal:Bootstrap:ApiToken={bootstrapToken}",
                $"--Portal:Bootstrap:AdminPassword={PortalFactory.AdminPassword}", "--Logging:LogLevel:Default=Warning",
                // Production (the default environment) refuses a key ring in clear; replicas of one portal share this key.
                $"--Portal:DataProtection:MasterKey={MasterKey}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var setting in settings)
        {
            psi.ArgumentList.Add(setting);
        }
        var process = Process.Start(psi)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }
            output.Enqueue(line);
            while (output.Count > 40 && output.TryDequeue(out _))
            {
            }
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, new Uri($"http://127.0.0.1:{port}/"), dataDirectory);
        using var client = new HttpClient { BaseAddress = portal.Address, Timeout = TimeSpan.FromSeconds(10) };
        // A loaded CI machine (other portals, chains and browsers running) can take well over 30 s to start one.
        var deadline = DateTime.UtcNow + ReadyWithin;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return portal;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy to answer.
            }
            await Task.Delay(100);
        }
        var exited = process.HasExited ? $"it exited with code {process.ExitCode}" : $"it did not answer /readyz within {ReadyWithin.TotalSeconds:0} s";
        portal.Dispose();
        throw new InvalidOperationException($"The portal process did not become ready: {exited}. Its last output:\n{string.Join("\n", output)}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, like a power cut to the process.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
