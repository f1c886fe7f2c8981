using System.Text.Json;
using NutPortal.Core.Contracts;
using NutPortal.Core.Solidity;

namespace NutPortal.Web.Api;

/// <summary>JSON shapes of the contract center API.</summary>
internal static class ContractResources
{
    public static object From(ContractCompileResult r) => new
    {
        compilerVersion = r.CompilerVersion,
        succeeded = r.Succeeded,
        contracts = r.Contracts.Select(From),
        diagnostics = r.Diagnostics.Select(From),
    };

    public static object From(ContractArtifact a) => new
    {
        name = a.Name,
        sourceName = a.SourceName,
        abi = JsonDocument.Parse(a.Abi).RootElement,
        bytecode = a.Bytecode,
        deployedBytecode = a.DeployedBytecode,
    };

    public static object From(SolidityDiagnostic d) => new
    {
        severity = d.Severity.ToString().ToLowerInvariant(),
        message = d.Message,
        type = d.Type,
        sourceName = d.SourceName,
        line = d.Line,
        column = d.Column,
        endLine = d.EndLine,
        endColumn = d.EndColumn,
    };

    public static object From(ContractProject p, IEnumerable<ContractVersion> versions) => new
    {
        id = p.Id,
        name = p.Name,
        templateId = p.TemplateId,
        blockDeployOnHighFindings = p.BlockDeployOnHighFindings,
        createdBy = p.CreatedBy,
        createdAt = p.CreatedAt,
        updatedAt = p.UpdatedAt,
        versions = versions.Select(v => new { number = v.Number, compilerVersion = v.CompilerVersion, createdBy = v.CreatedBy, createdAt = v.CreatedAt }),
    };

    public static object From(ContractVersion v) => new
    {
        projectId = v.ProjectId,
        number = v.Number,
        compilerVersion = v.CompilerVersion,
        createdBy = v.CreatedBy,
        createdAt = v.CreatedAt,
        sources = ContractProjects.Sources(v),
        contracts = ContractProjects.Artifacts(v).Select(From),
    };

    public static object From(DeployedContract d) => new
    {
        networkId = d.NetworkId,
        address = d.Address,
        contractName = d.ContractName,
        projectId = d.ProjectId,
        versionNumber = d.VersionNumber,
        compilerVersion = d.CompilerVersion,
        transactionHash = d.TransactionHash,
        deployedBy = d.DeployedBy,
        deployedAt = d.DeployedAt,
        abi = JsonDocument.Parse(d.AbiJson).RootElement,
    };

    /// <summary>422 with the compiler's diagnostics: nothing was saved.</summary>
    public static IResult CompileFailed(IReadOnlyList<SolidityDiagnostic> diagnostics) => Results.Json(new
    {
        type = "https://tools.ietf.org/html/rfc4918#section-11.2",
        title = "The sources do not compile",
        status = StatusCodes.Status422UnprocessableEntity,
        diagnostics = diagnostics.Select(From),
    }, statusCode: StatusCodes.Status422UnprocessableEntity, contentType: "application/problem+json");
}
