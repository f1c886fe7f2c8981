using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using NutPortal.Core.Contracts;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Live;
using MudBlazor;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Web.Components.Contracts;

/// <summary>
/// The project's test suites: a JSON steps editor with step skeletons from the latest version's ABI, save with
/// field-level errors, and runs whose step results arrive live (<see cref="ContractTestRunChanged"/>).
/// </summary>
public sealed partial class TestSuitesPanel : IDisposable
{
    private IReadOnlyList<ContractTestSuite> _suites = [];
    private IReadOnlyList<TestSuiteError> _errors = [];

    private string? NameError => _errors.FirstOrDefault(e => e.Field == "name")?.Message;
    private TemplateTestSuite? _templateSuite;
    private ContractTestRun? _run;
    private IDisposable? _subscription;
    private string? _suiteId;
    private string? _name;
    private string? _steps;
    private bool _editing;
    private bool _busy;

    [Parameter, EditorRequired]
    public ContractProject Project { get; set; } = default!;

    [Inject]
    private ContractTestSuites Tests { get; set; } = default!;

    [Inject]
    private LiveNotifier Notifier { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider Auth { get; set; } = default!;

    private bool RunActive => _run?.Status is TestRunStatus.Queued or TestRunStatus.Running;

    protected override void OnInitialized() => _subscription = Notifier.Subscribe<ContractTestRunChanged>(OnRunChangedAsync);

    protected override async Task OnParametersSetAsync()
    {
        _templateSuite = TemplateTestSuites.For(Project.TemplateId);
        _suites = await Tests.ListAsync(Project.Id);
        if (_suiteId is null && _suites.Count > 0)
        {
            await SelectAsync(_suites[0]);
        }
    }

    private Task Select(ContractTestSuite suite) => SelectAsync(suite);

    private async Task SelectAsync(ContractTestSuite suite)
    {
        _suiteId = suite.Id;
        _name = suite.Name;
        _steps = suite.StepsJson;
        _errors = [];
        _editing = true;
        var runs = await Tests.ListRunsAsync(suite.Id, 1);
        _run = runs.Count > 0 ? await Tests.GetRunAsync(runs[0].Id) : null;
    }

    private void New()
    {
        _suiteId = null;
        _name = "New suite";
        _steps = "[\n]";
        _errors = [];
        _run = null;
        _editing = true;
    }

    private async Task AddTemplateSuiteAsync()
    {
        _suiteId = null;
        _name = _templateSuite!.Name;
        _steps = _templateSuite.StepsJson;
        _editing = true;
        await SaveAsync();
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var user = (await Auth.GetAuthenticationStateAsync()).User.Identity?.Name ?? "unknown";
            var result = _suiteId is null
                ? await Tests.CreateAsync(Project.Id, _name, _steps, user)
                : await Tests.UpdateAsync(Project.Id, _suiteId, _name, _steps);
            _errors = result?.Errors ?? [new TestSuiteError("suite", "The suite no longer exists.")];
            if (result is { Suite: { } saved, Errors.Count: 0 })
            {
                _suiteId = saved.Id;
                _suites = await Tests.ListAsync(Project.Id);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RunAsync()
    {
        await SaveAsync();
        if (_errors.Count > 0 || _suiteId is null)
        {
            return;
        }
        var user = (await Auth.GetAuthenticationStateAsync()).User.Identity?.Name ?? "unknown";
        var started = await Tests.StartRunAsync(Project.Id, _suiteId, null, user);
        _errors = started?.Errors ?? [];
        // The job may already have moved on before the run id was known here: read it back.
        _run = started?.Run is { } run ? await Tests.GetRunAsync(run.Id) : _run;
    }

    private async Task CancelRunAsync()
    {
        if (_run is null)
        {
            return;
        }
        var user = (await Auth.GetAuthenticationStateAsync()).User.Identity?.Name ?? "unknown";
        _run = (await Tests.CancelRunAsync(_run.Id, user))?.Run ?? _run;
    }

    private async Task DeleteAsync()
    {
        if (_suiteId is null || !await Dialogs.ConfirmAsync("Delete test suite", $"Delete the suite '{_name}' and its runs?", "Delete"))
        {
            return;
        }
        if (await Tests.DeleteAsync(Project.Id, _suiteId))
        {
            _suiteId = null;
            _editing = false;
            _run = null;
            _suites = await Tests.ListAsync(Project.Id);
        }
    }

    private Task OnRunChangedAsync(ContractTestRunChanged changed) =>
        changed.RunId == _run?.Id
            ? InvokeAsync(async () =>
            {
                _run = await Tests.GetRunAsync(changed.RunId) ?? _run;
                StateHasChanged();
            })
            : Task.CompletedTask;

    private void AddStep(string type)
    {
        JsonArray steps;
        try
        {
            steps = JsonNode.Parse(string.IsNullOrWhiteSpace(_steps) ? "[]" : _steps) as JsonArray ?? throw new System.Text.Json.JsonException();
        }
        catch (System.Text.Json.JsonException)
        {
            _errors = [new TestSuiteError("steps", "Fix the JSON first: steps are added to a valid array.")];
            return;
        }
        steps.Add(StepSkeletons.For(type, Project.Versions.Count > 0 ? ContractProjects.Artifacts(Project.Versions[^1]) : []));
        _steps = "[\n" + string.Join(",\n", steps.Select(s => "  " + s!.ToJsonString())) + "\n]";
    }

    /// <summary>"step 3 (send)" for a field like steps[2].function.</summary>
    private static string StepLabel(string field) =>
        field.StartsWith("steps[", StringComparison.Ordinal) && int.TryParse(field.AsSpan(6, field.IndexOf(']', StringComparison.Ordinal) - 6), out var i) ? $"step {i + 1}" : "";

    public void Dispose() => _subscription?.Dispose();
}

/// <summary>Starting points for each step type, filled from the version's first deployable contract.</summary>
internal static class StepSkeletons
{
    public static JsonObject For(string type, IReadOnlyList<ContractArtifact> artifacts)
    {
        var artifact = artifacts.LastOrDefault(a => a.Bytecode.Length > 2);
        var abi = artifact is null ? null : ContractAbi.Parse(artifact.Abi);
        var read = abi?.Functions.FirstOrDefault(f => f.IsReadOnly);
        var write = abi?.Functions.FirstOrDefault(f => !f.IsReadOnly);
        return type switch
        {
            "deploy" => new JsonObject { ["type"] = type, ["contract"] = artifact?.Name ?? "", ["args"] = Args(abi?.Constructor?.Inputs) },
            "call" => new JsonObject { ["type"] = type, ["function"] = read?.Name ?? "", ["args"] = Args(read?.Inputs), ["expect"] = "" },
            "send" => new JsonObject { ["type"] = type, ["function"] = write?.Name ?? "", ["args"] = Args(write?.Inputs), ["from"] = 0 },
            "event" => new JsonObject { ["type"] = type, ["event"] = abi is { Events.Count: > 0 } ? abi.Events[0].Name : "", ["args"] = new JsonObject() },
            "balance" => new JsonObject { ["type"] = type, ["account"] = 0, ["delta"] = "0" },
            _ => new JsonObject { ["type"] = "advanceTime", ["seconds"] = 3600 },
        };
    }

    private static JsonArray Args(IReadOnlyList<AbiParameter>? inputs) => new([.. (inputs ?? []).Select(p => (JsonNode?)(p.Type.Kind switch
    {
        AbiKind.Address => JsonValue.Create("$account1"),
        AbiKind.Bool => JsonValue.Create(false),
        AbiKind.UnsignedInteger or AbiKind.SignedInteger => JsonValue.Create("0"),
        AbiKind.Text => JsonValue.Create(""),
        AbiKind.Array or AbiKind.Tuple => new JsonArray(),
        _ => JsonValue.Create("0x"),
    }))]);
}
