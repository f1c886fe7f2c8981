using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Browser;

/// <summary>
/// A real headless Chromium page driven through playwright-core (Node) by the bridge script beside this file.
/// Each call sends one command and waits for its reply; a failed command throws with playwright's message
/// and a screenshot path to look at.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _nextId;

    private BrowserSession(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static bool ChromiumAvailable => File.Exists(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium");

    public static BrowserSession Start(Uri baseAddress)
    {
        var psi = new ProcessStartInfo("node", Path.Combine(NodeScript.RepoRoot, "Portal.Tests", "Browser", "bridge.mjs"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = NodeScript.RepoRoot,
        };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("The browser bridge did not start.");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"[browser] {e.Data}"); } };
        process.BeginErrorReadLine();
        return new BrowserSession(process, baseAddress);
    }

    public Task<int?> GotoAsync(string relative) => SendAsync<int?>("goto", new { url = new Uri(BaseAddress, relative).ToString() });

    /// <summary>Opens an interactive page and waits until its circuit is connected, so input is not lost.</summary>
    public async Task GotoInteractiveAsync(string relative)
    {
        await GotoAsync(relative);
        await WaitForInteractiveAsync();
    }

    public Task WaitForInteractiveAsync() => WaitForAsync("[data-interactive=true]", "attached");

    public Task<string> UrlAsync() => SendAsync<string>("url");

    public Task ClickAsync(string selector) => SendAsync<object?>("click", new { selector });

    public Task FillAsync(string selector, string value) => SendAsync<object?>("fill", new { selector, value });

    public Task CheckAsync(string selector) => SendAsync<object?>("check", new { selector });

    public Task<string?> TextAsync(string selector) => SendAsync<string?>("text", new { selector });

    public Task<int> CountAsync(string selector) => SendAsync<int>("count", new { selector });

    public Task WaitForAsync(string selector, string state = "visible", int timeoutMs = 15000) =>
        SendAsync<object?>("waitFor", new { selector, state, timeout = timeoutMs });

    public Task WaitForTextAsync(string selector, string text, int timeoutMs = 15000) =>
        SendAsync<object?>("waitForText", new { selector, text, timeout = timeoutMs });

    public Task WaitForUrlAsync(string pattern, int timeoutMs = 15000) => SendAsync<object?>("waitForUrl", new { pattern, timeout = timeoutMs });

    public Task<T> EvaluateAsync<T>(string expression) => SendAsync<T>("evaluate", new { expression });

    public Task<string[]> PageErrorsAsync() => SendAsync<string[]>("errors");

    /// <summary>Signs in through the real sign-in form and waits for the dashboard.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync("account/login");
        await FillAsync("#email", email);
        await FillAsync("#password", password);
        await ClickAsync("[data-testid=sign-in]");
        await WaitForAsync("[data-testid=welcome-name]");
        await WaitForInteractiveAsync();
    }

    private async Task<T> SendAsync<T>(string op, object? args = null)
    {
        await _gate.WaitAsync();
        try
        {
            var id = ++_nextId;
            var line = JsonSerializer.Serialize(new { id, op, args });
            await _process.StandardInput.WriteLineAsync(line);
            await _process.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var reply = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"The browser bridge exited during '{op}'.");
            var node = JsonNode.Parse(reply)!;
            if (node["ok"]?.GetValue<bool>() != true)
            {
                var shot = Path.Combine(Path.GetTempPath(), $"nutportal-failure-{Guid.NewGuid():N}.png");
                await TryScreenshotAsync(shot);
                throw new BrowserCommandException($"{op} failed: {node["error"]} (screenshot: {shot})");
            }
            return node["value"] is { } value ? value.Deserialize<T>()! : default!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task TryScreenshotAsync(string path)
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { id = -1, op = "screenshot", args = new { path } }));
            await _process.StandardOutput.ReadLineAsync();
        }
        catch (IOException)
        {
            // The screenshot is a debugging aid only.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("{\"op\":\"close\"}");
            if (!_process.WaitForExit(10000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        _gate.Dispose();
    }
}

public sealed class BrowserCommandException(string message) : Exception(message);
