using NutPortal.Core.Solidity;

namespace NutPortal.Tests.Solidity;

[Collection(SolidityCollection.Name)]
public sealed class CompileBoundsTests(SolidityCompilerFixture fixture)
{
    private static readonly SolidityCompileRequest Ok =
        SolidityCompileRequest.ForSource("pragma solidity ^0.8.0; contract Ok { function f() public pure returns (uint) { return 42; } }");

    [Fact]
    public async Task Oversized_source_is_refused_before_compiling()
    {
        var huge = "pragma solidity ^0.8.0;\n" + new string(' ', 2 * 1024 * 1024) + "contract A {}";
        var e = await Assert.ThrowsAsync<SolidityCompilerException>(
            () => fixture.Compiler.CompileAsync(SolidityCompileRequest.ForSource(huge)));
        Assert.Equal(SolidityFailure.SourceTooLarge, e.Failure);
        Assert.Contains("limit is 2097152 bytes", e.Message);
    }

    [Fact]
    public async Task Hanging_worker_is_killed_at_the_time_limit_and_the_next_compile_works()
    {
        await fixture.Compiler.CompileAsync(Ok); // warm, so the limit measures the job and not the start
        var started = DateTime.UtcNow;
        var e = await Assert.ThrowsAsync<SolidityCompilerException>(
            () => fixture.Compiler.CompileAsync(Ok, WorkerFault.Hang, TimeSpan.FromSeconds(1), default));
        Assert.Equal(SolidityFailure.Timeout, e.Failure);
        Assert.Contains("no answer within 1 s", e.Message);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));

        Assert.True((await fixture.Compiler.CompileAsync(Ok)).Succeeded);
    }

    [Fact]
    public async Task Worker_dying_mid_job_gives_a_clear_error_and_the_next_compile_works()
    {
        var e = await Assert.ThrowsAsync<SolidityCompilerException>(
            () => fixture.Compiler.CompileAsync(Ok, WorkerFault.Crash, null, default));
        Assert.Equal(SolidityFailure.WorkerFailed, e.Failure);
        Assert.Contains("worker exited unexpectedly", e.Message);

        Assert.True((await fixture.Compiler.CompileAsync(Ok)).Succeeded);
    }

    [Fact]
    public async Task Idle_worker_killed_between_jobs_is_replaced()
    {
        var version = fixture.Compiler.SelectVersion(Ok);
        await fixture.Compiler.CompileAsync(Ok);
        Assert.Equal(1, fixture.Compiler.KillIdleWorkers(version));

        Assert.True((await fixture.Compiler.CompileAsync(Ok)).Succeeded);
    }

    [Fact]
    public async Task Worker_is_recycled_after_its_compile_quota_and_warm_up_prestarts_one()
    {
        using var compiler = new SolidityCompiler(new SolidityCompilerOptions { PoolSizePerVersion = 1, MaxCompilesPerWorker = 2 });
        var version = compiler.SelectVersion(Ok);
        await compiler.WarmUpAsync(version.ToString());
        Assert.Equal(1, compiler.WorkersStarted(version));
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await compiler.CompileAsync(Ok)).Succeeded);
        }
        // Compiles 1-2 on the warmed worker, 3-4 on a second, 5 on a third.
        Assert.Equal(3, compiler.WorkersStarted(version));
    }

    [Fact]
    public async Task Missing_node_executable_is_a_clear_error()
    {
        using var compiler = new SolidityCompiler(new SolidityCompilerOptions { NodeExecutable = "/nonexistent/node" });
        var e = await Assert.ThrowsAsync<SolidityCompilerException>(() => compiler.CompileAsync(Ok));
        Assert.Equal(SolidityFailure.WorkerFailed, e.Failure);
        Assert.Contains("Cannot start '/nonexistent/node'", e.Message);
    }

    [Fact]
    public async Task Worker_over_the_memory_limit_is_killed()
    {
        // Loading solc alone takes well over 40 MB of RSS, so the watchdog must fire.
        using var compiler = new SolidityCompiler(new SolidityCompilerOptions { MemoryLimitBytes = 40L * 1024 * 1024 });
        var e = await Assert.ThrowsAsync<SolidityCompilerException>(() => compiler.CompileAsync(Ok));
        Assert.Equal(SolidityFailure.MemoryLimit, e.Failure);
        Assert.Contains("memory limit of 40 MB", e.Message);
    }

    [Fact]
    public async Task Cancellation_kills_the_job_and_the_pool_recovers()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => fixture.Compiler.CompileAsync(Ok, WorkerFault.Hang, TimeSpan.FromMinutes(1), cts.Token));

        Assert.True((await fixture.Compiler.CompileAsync(Ok)).Succeeded);
    }

    [Fact]
    public async Task Oversized_compiler_answer_kills_the_worker()
    {
        // The ready line fits; the compile answer (ABI, bytecode, AST) does not.
        using var compiler = new SolidityCompiler(new SolidityCompilerOptions { MaxOutputBytes = 2000 });
        var e = await Assert.ThrowsAsync<SolidityCompilerException>(() => compiler.CompileAsync(Ok));
        Assert.Equal(SolidityFailure.OutputTooLarge, e.Failure);
        Assert.Contains("exceeds 2000 characters", e.Message);
    }

    [Fact]
    public async Task Parallel_compiles_share_a_bounded_pool()
    {
        using var compiler = new SolidityCompiler(new SolidityCompilerOptions { PoolSizePerVersion = 2 });
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => compiler.CompileAsync(
            SolidityCompileRequest.ForSource($"pragma solidity ^0.8.0; contract C{i} {{ uint x = {i}; }}"))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"C{i}"), results.Select(r => Assert.Single(r.Contracts).Name));
        Assert.InRange(compiler.WorkersStarted(results[0].CompilerVersion), 1, 2);
    }

    [Fact]
    public async Task Worker_cannot_read_files_outside_its_packages()
    {
        // The node permission model is what stops a compromised compiler: check it directly.
        var options = new SolidityCompilerOptions();
        var psi = NodeCommandProbe.Build(options);
        Assert.Contains(psi.ArgumentList, a => a is "--experimental-permission" or "--permission");
        Assert.Contains(psi.ArgumentList, a => a.StartsWith("--allow-fs-read=", StringComparison.Ordinal));
        Assert.DoesNotContain(psi.ArgumentList, a => a.StartsWith("--allow-fs-write", StringComparison.Ordinal));
        var result = await NodeCommandProbe.RunAsync(psi, "require('fs').readFileSync('/etc/passwd', 'utf8')");
        Assert.Contains("ERR_ACCESS_DENIED", result);
        Assert.DoesNotContain("root:", result);
    }
}
