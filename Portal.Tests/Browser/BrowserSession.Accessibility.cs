using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Browser;

/// <summary>Accessibility and keyboard checks on the session's page.</summary>
public sealed partial class BrowserSession
{
    private static readonly JsonSerializerOptions AxeJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Runs axe-core (npm, injected into the page as it is now) and returns the violations of impact serious or
    /// critical, each with its rule id and the CSS selectors of the offending elements.
    /// </summary>
    public async Task<IReadOnlyList<AxeViolation>> AccessibilityViolationsAsync()
    {
        var json = await RunAsync("axe", async page =>
        {
            if (!await page.EvaluateAsync<bool>("typeof window.axe === 'object'"))
            {
                await page.AddScriptTagAsync(new() { Path = Path.Combine(NodeScript.RepoRoot, "node_modules", "axe-core", "axe.min.js") });
            }
            return await page.EvaluateAsync<string>("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })));
                }
                """);
        });
        return JsonSerializer.Deserialize<AxeViolation[]>(json, AxeJson)!;
    }

    /// <summary>Presses a key (Playwright names: "Tab", "Shift+Tab", "Enter", "Escape", "ArrowDown", " ") on the focused element.</summary>
    public Task PressAsync(string key) => RunAsync("press", page => page.Keyboard.PressAsync(key));

    /// <summary>Types <paramref name="text"/> key by key into the focused element.</summary>
    public Task TypeAsync(string text) => RunAsync("type", page => page.Keyboard.TypeAsync(text));

    /// <summary>What a screen reader would roughly announce for the focused element: its label, text or value; null on the page body.</summary>
    public Task<string?> FocusedTextAsync() => RunAsync("focused", page => page.EvaluateAsync<string?>("""
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const labelled = e.getAttribute('aria-labelledby');
          const label = e.getAttribute('aria-label')
            || (labelled && document.getElementById(labelled)?.textContent)
            || (e.labels && e.labels[0]?.textContent)
            || e.innerText || e.value || e.getAttribute('placeholder') || e.getAttribute('title');
          return (label ?? '').trim();
        }
        """));

    /// <summary>Whether the focused element matches <paramref name="selector"/>.</summary>
    public Task<bool> FocusedMatchesAsync(string selector) =>
        RunAsync("focusedMatches", page => page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector));

    /// <summary>
    /// Presses Tab until the element matching <paramref name="selector"/> has focus and returns how many presses it took;
    /// throws if it is not reached in <paramref name="maxPresses"/> (the keyboard cannot get there).
    /// </summary>
    public async Task<int> TabToAsync(string selector, int maxPresses = 50)
    {
        for (var presses = 1; presses <= maxPresses; presses++)
        {
            await PressAsync("Tab");
            if (await FocusedMatchesAsync(selector))
            {
                return presses;
            }
        }
        throw new BrowserCommandException($"Tab did not reach {selector} in {maxPresses} presses (last focus: {await FocusedTextAsync() ?? "the page"}).");
    }

    /// <summary>Replaces the page's content with <paramref name="html"/> (for checks on markup made by the test).</summary>
    public Task SetContentAsync(string html) => RunAsync("setContent", page => page.SetContentAsync(html));
}

/// <summary>One axe-core rule broken on the page: its id (e.g. "label"), impact, help text and the offending elements.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
{
    public override string ToString() => $"{Id} ({Impact}): {Help} at {string.Join(", ", Targets)}";
}
