using System.Numerics;
using System.Security.Claims;
using System.Text.Json;
using NutPortal.Core.Contracts;
using NutPortal.Core.Gateway;
using NutPortal.Core.Identity;

using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

/// <summary>Deploy contracts to a network and interact with them (Developers and Admins).</summary>
internal static class ContractDeployEndpoints
{
    public sealed record DeployRequest(
        string? Source, Dictionary<string, string>? Sources, string? CompilerVersion, string? ProjectId, int? Version, string? ContractName, JsonElement? ConstructorArguments);

    public sealed record InvokeRequest(string? Function, JsonElement? Arguments, string? Value);

    public static void MapContractDeployEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/networks/{networkId}/contracts").WithTags("Contracts").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Developer));
        // Deploying and invoking need Develop in one of the network's organizations (the access filter); reads need only sight of it.

        group.MapPost("/", async (string networkId, DeployRequest request, HttpContext http, ClaimsPrincipal user, CallerAccessor callers, NutPortal.Core.Organizations.OrganizationAccess access,
            ContractCompiler compiler, ContractProjects projects, ContractDeployer deployer, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.ContractName))
            {
                return FieldErrors.Single("contractName", "Name the contract to deploy.");
            }
            ContractArtifact? artifact;
            string compilerVersion;
            if (request.ProjectId is { } projectId)
            {
                var visible = await access.ProjectOrganizationAsync(projectId, await callers.GetAsync(ct), ct) is not null;
                var version = visible && request.Version is { } n ? await projects.GetVersionAsync(projectId, n, ct) : null;
                if (version is null)
                {
                    return FieldErrors.Single("version", "Name an existing project and version.");
                }
                artifact = ContractProjects.Artifacts(version).FirstOrDefault(a => a.Name == request.ContractName);
                compilerVersion = version.CompilerVersion;
            }
            else if (ContractEndpoints.SourcesOf(request.Source, request.Sources) is { } sources)
            {
                var compiled = await compiler.CompileAsync(sources, request.CompilerVersion, ct: ct);
                if (!compiled.Succeeded)
                {
                    return ContractResources.CompileFailed(compiled.Diagnostics);
                }
                artifact = compiled.Contracts.FirstOrDefault(a => a.Name == request.ContractName);
                compilerVersion = compiled.CompilerVersion;
            }
            else
            {
                return FieldErrors.Single("source", "Send the source, or a projectId and version.");
            }
            if (artifact is null)
            {
                return FieldErrors.Single("contractName", $"No contract '{request.ContractName}' in the sources.");
            }
            return await RunAsync(async () =>
            {
                var deployed = await deployer.DeployAsync(new Core.Contracts.DeployRequest(
                    networkId, artifact, compilerVersion, request.ConstructorArguments, request.ProjectId, request.Version, user.Identity?.Name ?? "unknown",
                    http.Grant().SigningOrganizationId, new UserTransaction(http.Grant().Caller, "contract center", OwnAccount: false)), ct);
                return Results.Created($"/api/v1/networks/{networkId}/contracts/{deployed.Address}", ContractResources.From(deployed));
            });
        }).Needs(AccessRight.Develop).WithSummary("Deploy a contract (from source or a saved version) signed by the network's funded account, or by a consortium member organization's own");

        group.MapGet("/", async (string networkId, ContractDeployer deployer, CancellationToken ct) =>
            Results.Ok((await deployer.ListAsync(networkId, ct)).Select(ContractResources.From))).WithSummary("Contracts deployed through the portal");

        group.MapGet("/{address}", async (string networkId, string address, ContractDeployer deployer, CancellationToken ct) =>
            await deployer.FindAsync(networkId, address, ct) is { } d ? Results.Ok(ContractResources.From(d)) : Results.NotFound());

        group.MapPost("/{address}/invoke", async (string networkId, string address, InvokeRequest request, HttpContext http, ContractInteraction interaction, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Function))
            {
                return FieldErrors.Single("function", "Name the function (or its signature).");
            }
            if (!BigInteger.TryParse(request.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                return FieldErrors.Single("value", "Value in wei, a non-negative integer.");
            }
            return await RunAsync(async () => Results.Ok(await interaction.InvokeAsync(networkId, address, request.Function, request.Arguments, value, http.Grant().SigningOrganizationId,
                new UserTransaction(http.Grant().Caller, "contract center", OwnAccount: false), ct)));
        }).Needs(AccessRight.Develop).WithSummary("Call a function: views through eth_call, others signed and sent; results and events decoded");
    }

    private static async Task<IResult> RunAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ContractFailureException e)
        {
            return e.Kind switch
            {
                ContractFailureKind.NotFound => Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
                ContractFailureKind.NotRunning => Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The network is not ready"),
                ContractFailureKind.InvalidInput => FieldErrors.Single(e.Field, e.Message),
                ContractFailureKind.Blocked => Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Deploy blocked by the project's scan gate"),
                ContractFailureKind.Refused => Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "Refused by the network's rules"),
                _ => Results.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The transaction reverted"),
            };
        }
    }
}
