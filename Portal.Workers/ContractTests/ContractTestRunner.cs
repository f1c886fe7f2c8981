using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Configuration;
using NutPortal.Core.Contracts;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Workers.ContractTests;

/// <summary>
/// Runs one queued suite run: compiles the version, starts a throw-away anvil, executes the steps under the run's
/// wall-clock limit, records each step as it finishes (published live), stops at the first step that does not
/// pass, and always kills the node before the run is marked finished.
/// </summary>
internal sealed class ContractTestRunner(
    ContractTestRunRecorder recorder,
    ContractProjects projects,
    ContractCompiler compiler,
    IJsonRpcClientFactory rpcFactory,
    IOptions<ContractTestOptions> options,
    IOptions<ContractOptions> contractOptions,
    IOptions<PortalOptions> portalOptions,
    ILogger<ContractTestRunner> logger) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentRuns, options.Value.MaxConcurrentRuns);

    public async Task<string> RunAsync(string runId, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            var run = await recorder.StartAsync(runId, ct);
            if (run is null)
            {
                return $"Test run {runId} is gone or already ran.";
            }
            TestRunStatus status;
            try
            {
                status = await ExecuteAsync(run, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never leave a run showing Running: record what went wrong, then let the job log it.
                await recorder.FinishAsync(run, $"The run stopped on an unexpected error: {e.Message}");
                throw;
            }
            return $"Test run {runId}: {status}";
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<TestRunStatus> ExecuteAsync(ContractTestRun run, CancellationToken ct)
    {
        var version = await projects.GetVersionAsync(run.ProjectId, run.VersionNumber, ct);
        if (version is null)
        {
            return await recorder.FinishAsync(run, $"Version {run.VersionNumber} no longer exists.");
        }
        ContractCompileResult compiled;
        try
        {
            compiled = await compiler.CompileAsync(ContractProjects.Sources(version), version.CompilerVersion, ct: ct);
        }
        catch (Core.Solidity.SolidityCompilerException e)
        {
            return await recorder.FinishAsync(run, $"The compiler could not finish: {e.Message}");
        }
        if (!compiled.Succeeded)
        {
            return await recorder.FinishAsync(run, "Version does not compile: " + string.Join("; ", compiled.Diagnostics.Where(d => d.Severity == Core.Solidity.DiagnosticSeverity.Error).Select(d => d.Message)));
        }
        var (steps, errors) = TestSuiteParser.Parse(run.StepsJson);
        errors = errors.Count > 0 ? errors : TestSuiteChecker.Check(steps, compiled.Contracts);
        if (errors.Count > 0)
        {
            return await recorder.FinishAsync(run, "The suite does not fit this version: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        }
        var settings = options.Value;
        var folder = Path.Combine(portalOptions.Value.ResolvedDataDirectory, "contract-tests", run.Id);
        var next = 0;
        ThrowawayAnvil node;
        try
        {
            node = await ThrowawayAnvil.StartAsync(folder, Math.Max(30_000_000, settings.StepGasCap), TimeSpan.FromSeconds(settings.NodeStartTimeoutSeconds), rpcFactory, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            TryDelete(folder);
            return await recorder.FinishAsync(run, $"The test node could not start: {e.Message}");
        }
        try
        {
            await using (node)
            {
                logger.LogInformation("Test run {Run} started anvil {Pid} at {Endpoint}", run.Id, node.ProcessId, node.Endpoint);
                var executor = new SuiteExecutor(rpcFactory.CreateEthereum(node.Endpoint), compiled.Contracts, (ulong)settings.StepGasCap, TimeSpan.FromSeconds(contractOptions.Value.ReceiptTimeoutSeconds));
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                limit.CancelAfter(TimeSpan.FromSeconds(settings.RunTimeoutSeconds));
                var stop = new StopRequest();
                using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var watcher = WatchForCancelAsync(run.Id, stop, limit, watching.Token);
                try
                {
                    for (; next < steps.Count && stop.By is null; next++)
                    {
                        var report = await RunStepAsync(run, executor, steps[next], limit, stop, ct);
                        if (report.Outcome != TestStepOutcome.Passed)
                        {
                            next++;
                            break;
                        }
                    }
                }
                finally
                {
                    await watching.CancelAsync();
                    await watcher;
                }
            }
        }
        finally
        {
            // The node is dead here (disposed above), whatever happened to the steps.
            TryDelete(folder);
        }
        return await recorder.FinishAsync(run, null, skipFrom: next);
    }

    /// <summary>Who stopped the run, once the watcher has seen a cancel request.</summary>
    private sealed class StopRequest
    {
        public volatile string? By;
    }

    /// <summary>Polls for a cancel request (it may have been made on another replica) and cuts the step under way short.</summary>
    private async Task WatchForCancelAsync(string runId, StopRequest stop, CancellationTokenSource limit, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.CancelPollMilliseconds), ct);
                string? user;
                try
                {
                    user = await recorder.CancelledByAsync(runId, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not check whether test run {Run} was cancelled; checking again", runId);
                    continue;
                }
                if (user is not null)
                {
                    stop.By = user;
                    await limit.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the steps ended first
        }
    }

    private async Task<StepReport> RunStepAsync(ContractTestRun run, SuiteExecutor executor, TestStep step, CancellationTokenSource limit, StopRequest stop, CancellationToken ct)
    {
        await recorder.StepStartedAsync(run, step.Index, ct);
        var watch = Stopwatch.StartNew();
        StepReport report;
        try
        {
            report = await executor.RunAsync(step, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && stop.By is { } user)
        {
            report = new StepReport(TestStepOutcome.Error, $"Cancelled by {user} during this step; the test node was stopped.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            report = new StepReport(TestStepOutcome.Error, $"Timed out: the run passed its {options.Value.RunTimeoutSeconds} s limit during this step; the test node was stopped.");
        }
        catch (OperationCanceledException)
        {
            report = new StepReport(TestStepOutcome.Error, "Cancelled: the portal is shutting down; the test node was stopped.");
        }
        catch (JsonRpcClientException e)
        {
            report = new StepReport(TestStepOutcome.Error, $"The test node stopped answering: {e.Message}");
        }
        await recorder.StepFinishedAsync(run, step.Index, report, watch.ElapsedMilliseconds);
        return report;
    }

    private void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not remove test run folder {Folder}", folder);
        }
    }

    public void Dispose() => _slots.Dispose();
}
