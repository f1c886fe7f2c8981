using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Core.Contracts.Templates;

namespace NutPortal.Tests.Contracts.Testing;

/// <summary>Helpers for the test-suite API: create projects and suites, start a run and wait for it to end.</summary>
internal static class TestSuiteApi
{
    public static async Task<string> CreateProjectAsync(HttpClient client, string source, string? templateId = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/contracts", new { name = "Tested " + Guid.NewGuid().ToString("N")[..6], source, templateId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static Task<string> CreateErc20ProjectAsync(HttpClient client) => CreateProjectAsync(client, ContractTemplates.Find("erc20")!.Source, "erc20");

    public static async Task<string> CreateSuiteAsync(HttpClient client, string projectId, object steps)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/contracts/{projectId}/test-suites", new { name = "suite", steps });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Starts a run and polls GET /test-runs/{id} until it is no longer queued or running.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client, string projectId, string suiteId, int timeoutSeconds = 180)
    {
        var started = await client.PostAsync($"/api/v1/contracts/{projectId}/test-suites/{suiteId}/runs", null);
        var body = await started.Content.ReadAsStringAsync();
        Assert.True(started.StatusCode == System.Net.HttpStatusCode.Accepted, body);
        var runId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        return await WaitForRunAsync(client, runId, Finished, "finish", timeoutSeconds);
    }

    public static bool Finished(JsonElement run) => run.GetProperty("status").GetString() is not ("queued" or "running");

    /// <summary>Polls GET /test-runs/{id} until <paramref name="condition"/> holds and returns that state of the run.</summary>
    public static async Task<JsonElement> WaitForRunAsync(HttpClient client, string runId, Func<JsonElement, bool> condition, string what, int timeoutSeconds = 180)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>($"/api/v1/test-runs/{runId}");
            if (condition(run))
            {
                return run;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} did not {what} in {timeoutSeconds} s: {run}");
            await Task.Delay(200);
        }
    }

    public static JsonElement Step(JsonElement run, int index) => run.GetProperty("steps")[index];

    public static string Outcome(JsonElement run, int index) => Step(run, index).GetProperty("outcome").GetString()!;

    public static string Message(JsonElement run, int index) => Step(run, index).GetProperty("message").GetString() ?? "";
}
