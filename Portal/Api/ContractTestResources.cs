using System.Text.Json;
using NutPortal.Core.Contracts.Testing;

namespace NutPortal.Web.Api;

/// <summary>JSON shapes of test suites and runs.</summary>
internal static class ContractTestResources
{
    public static object From(ContractTestSuite s) => new
    {
        id = s.Id,
        projectId = s.ProjectId,
        name = s.Name,
        steps = Steps(s.StepsJson),
        createdBy = s.CreatedBy,
        createdAt = s.CreatedAt,
        updatedAt = s.UpdatedAt,
    };

    public static object From(ContractTestRun r) => new
    {
        id = r.Id,
        suiteId = r.SuiteId,
        projectId = r.ProjectId,
        version = r.VersionNumber,
        status = Lower(r.Status.ToString()),
        error = r.Error,
        cancelledBy = r.CancelledBy,
        createdBy = r.CreatedBy,
        createdAt = r.CreatedAt,
        startedAt = r.StartedAt,
        finishedAt = r.FinishedAt,
        steps = r.Steps.OrderBy(s => s.Index).Select(s => new
        {
            index = s.Index,
            kind = s.Kind,
            title = s.Title,
            outcome = Lower(s.Outcome.ToString()),
            message = s.Message,
            gasUsed = s.GasUsed,
            durationMs = s.DurationMs,
        }),
    };

    /// <summary>400 with one entry per bad field (<c>name</c>, <c>steps</c>, <c>steps[2].function</c>, <c>version</c>).</summary>
    public static IResult Invalid(IReadOnlyList<TestSuiteError> errors)
    {
        var fields = new FieldErrors();
        foreach (var e in errors)
        {
            fields.Add(e.Field, e.Message);
        }
        return fields.ToResult("The test suite has invalid fields");
    }

    private static JsonElement Steps(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    private static string Lower(string s) => s.ToLowerInvariant();
}
