using NutPortal.Core.Contracts;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Persistence;
using NutPortal.Core.Scanning;
using NutPortal.Tests.Explorer;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Contracts;

/// <summary>The contract center's grids on a real database: filtered, sorted and paged by the database, without sources.</summary>
public sealed class ContractGridTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers();

    private static readonly DateTime Start = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Projects_versions_scans_and_runs_page_sort_and_filter(string provider)
    {
        await using var grid = await GridDatabase.CreateAsync(provider);
        await using (var db = await grid.Factory.CreateDbContextAsync())
        {
            for (var i = 0; i < 30; i++)
            {
                db.ContractProjects.Add(new ContractProject
                {
                    Id = $"p{i:d2}", Name = i % 3 == 0 ? $"Token {i:d2}" : $"Vault {i:d2}", CreatedBy = "dev", CreatedAt = Start.AddMinutes(i), UpdatedAt = Start.AddMinutes(60 - i),
                });
            }
            for (var v = 1; v <= 12; v++)
            {
                db.ContractVersions.Add(new ContractVersion { ProjectId = "p00", Number = v, SourcesJson = "{}", CompilerVersion = "0.8.30", ArtifactsJson = "[]", CreatedBy = "dev", CreatedAt = Start.AddMinutes(v) });
                db.Scans.Add(new Scan
                {
                    Id = $"s{v:d2}", ProjectId = "p00", VersionNumber = v, Source = "", CreatedBy = "dev", CreatedAt = Start.AddMinutes(v),
                    Status = v % 4 == 0 ? ScanStatus.Failed : ScanStatus.Completed,
                    FindingsJson = v == 12 ? """[{"Category":"x","Severity":"high","Line":1,"Column":1,"Title":"t","Detector":"d","Confidence":"high","Explanation":"e","Advice":"a"}]""" : "[]",
                });
            }
            db.ContractTestSuites.Add(new ContractTestSuite { Id = "suite", ProjectId = "p00", Name = "suite", StepsJson = "[]", CreatedBy = "dev", CreatedAt = Start, UpdatedAt = Start });
            for (var r = 0; r < 9; r++)
            {
                db.ContractTestRuns.Add(new ContractTestRun
                {
                    Id = $"r{r}", SuiteId = "suite", ProjectId = "p00", VersionNumber = 1, StepsJson = "[]", CreatedBy = "dev", CreatedAt = Start.AddMinutes(r),
                    Status = r % 3 == 0 ? TestRunStatus.Failed : TestRunStatus.Passed,
                });
            }
            await db.SaveChangesAsync();
        }
        var grids = grid.Get<ContractGrids>();

        var recent = await grids.ProjectsAsync(new PageRequest(0, 5));
        var tokens = await grids.ProjectsAsync(new PageRequest(0, 25, "name", Descending: false), "tOKEN");
        var versions = await grids.VersionsAsync("p00", new PageRequest(1, 5));
        var failedScans = await grids.ScansAsync("p00", new PageRequest(0, 25), ScanStatus.Failed);
        var newestScan = await grids.ScansAsync("p00", new PageRequest(0, 1));
        var runs = await grids.TestRunsAsync("suite", new PageRequest(0, 2, "created", Descending: false), TestRunStatus.Failed);

        Assert.Equal(30, recent.Total);
        Assert.Equal(["p00", "p01", "p02", "p03", "p04"], recent.Items.Select(p => p.Id));
        Assert.Equal(10, tokens.Total);
        Assert.Equal(["Token 00", "Token 03", "Token 06"], tokens.Items.Take(3).Select(p => p.Name));
        Assert.Equal(12, versions.Total);
        Assert.Equal([7, 6, 5, 4, 3], versions.Items.Select(v => v.Number));
        Assert.Equal(["s12", "s08", "s04"], failedScans.Items.Select(s => s.Id));
        Assert.Equal(1, newestScan.Items.Single().High);
        Assert.Equal(3, runs.Total);
        Assert.Equal(["r0", "r3"], runs.Items.Select(r => r.Id));
    }
}
