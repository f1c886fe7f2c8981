using System.Security.Claims;
using NutPortal.Core.Oracle;
using NutPortal.Core.Oracle.Chain;
using NutPortal.Core.Persistence;

using NutPortal.Web.Organizations;

namespace NutPortal.Web.Oracle;

/// <summary>A request in the oracle log, as the API returns it.</summary>
public sealed record OracleRequestResource(long Id, string NetworkId, string? Contract, string? CallerRequestId, string Method, string Url, string Host,
    string ResultType, string? Selector, string Status, int Attempts, int? HttpStatus, string? Value, string? Error, string? RawBody, bool RawBodyTruncated,
    DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, long? DurationMs, string? Fulfilment, string? FulfilmentTx, string? FulfilmentError,
    OracleNetworkSource? NetworkSource = null)
{
    public static OracleRequestResource From(Core.Oracle.OracleRequest r) => new(r.Id, r.NetworkId, r.Contract, r.CallerRequestId, r.Method, r.Url, r.Host,
        r.ResultType.ToString(), r.Selector, r.Status.ToString(), r.Attempts, r.HttpStatus, r.Value, r.Error,
        r.RawBody is null ? null : System.Text.Encoding.UTF8.GetString(r.RawBody), r.RawBodyTruncated, r.CreatedAt, r.StartedAt, r.FinishedAt, r.DurationMs,
        r.Fulfilment?.ToString(), r.FulfilmentTx, r.FulfilmentError,
        OracleNetworkSource.IsSourceUrl(r.Url) ? OracleNetworkSource.Parse(r.Url).Source : null);
}

/// <summary>A network's oracle contract, without its key.</summary>
public sealed record OracleDeploymentResource(string NetworkId, string ContractAddress, string OracleAddress, string TransactionHash, DateTime DeployedAt, long NextBlock)
{
    public static OracleDeploymentResource From(OracleDeployment d) => new(d.NetworkId, d.ContractAddress, d.OracleAddress, d.TransactionHash, d.DeployedAt, d.NextBlock);
}

internal static class OracleEndpoints
{
    public const string ProtoPath = "/api/v1/oracle/oracle.proto";

    public static void MapOracleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ProtoPath, () => Results.Text(ReadProto(), "text/plain; charset=utf-8"))
            .AllowAnonymous().WithTags("Oracle").WithSummary("The oracle's gRPC contract (package nutportal.oracle.v1), to generate client stubs from");

        // Under the API's access filter, like every /api/v1 route that names a network.
        var api = endpoints.MapGroup("/api/v1").WithResourceAccess();
        api.MapOracleSubmitEndpoint();
        api.MapGet("/oracle/requests", async (ClaimsPrincipal user, OracleService oracle, NutPortal.Core.Organizations.OrganizationAccess access, CancellationToken ct,
            string? network, string? contract, string? host, OracleStatus? status, DateTime? from, DateTime? to, int? page, int? pageSize) =>
        {
            var query = new OracleQuery(network, contract, host, status, from?.ToUniversalTime(), to?.ToUniversalTime());
            var result = await oracle.ListAsync(await OracleCallers.FromAsync(user, access, ct), query, new PageRequest(page ?? 0, pageSize ?? 25), ct);
            return Results.Ok(new { items = result.Items.Select(OracleRequestResource.From), total = result.Total, totalIsCapped = result.TotalIsCapped });
        }).WithTags("Oracle").WithSummary("The oracle log, newest first, filtered by network, contract, host, status and time (from inclusive, to exclusive)");

        api.MapGet("/oracle/schedules", async (ClaimsPrincipal user, OracleScheduler scheduler, NutPortal.Core.Organizations.OrganizationAccess access, CancellationToken ct) =>
            Results.Ok((await scheduler.ListAsync(await OracleCallers.FromAsync(user, access, ct), ct)).Select(s => new { s.Id, s.NetworkId, s.Cron, s.CreatedAt, s.LastRequestId })))
            .WithTags("Oracle").WithSummary("Scheduled requests (created with the gRPC Schedule call)");

        api.MapDelete("/oracle/schedules/{id}", async (string id, ClaimsPrincipal user, OracleScheduler scheduler, NutPortal.Core.Organizations.OrganizationAccess access, CancellationToken ct) =>
            await scheduler.RemoveAsync(await OracleCallers.FromAsync(user, access, ct), id, ct) ? Results.NoContent() : Results.NotFound())
            .WithTags("Oracle").WithSummary("Stop a scheduled request");

        api.MapGet("/oracle/requests/{id:long}", async (long id, ClaimsPrincipal user, OracleService oracle, NutPortal.Core.Organizations.OrganizationAccess access, CancellationToken ct) =>
            await oracle.GetAsync(await OracleCallers.FromAsync(user, access, ct), id, ct) is { } r ? Results.Ok(OracleRequestResource.From(r)) : Results.NotFound())
            .WithTags("Oracle").WithSummary("One oracle request with its answer");
    }

    /// <summary>The portal's NutOracle on a network (Ethereum): deployed on request, followed from then on.</summary>
    public static void MapOracleChainEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Under the API's access filter: deploying needs Operate in the network's organization, reading needs sight of it.
        var api = endpoints.MapGroup("/api/v1").WithResourceAccess();
        api.MapPost("/networks/{id}/oracle", async (string id, ClaimsPrincipal user, OracleChainDeployer deployer, CancellationToken ct) =>
        {
            try
            {
                var (deployment, created) = await deployer.DeployAsync(id, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
                return created ? Results.Created($"/api/v1/networks/{id}/oracle", OracleDeploymentResource.From(deployment)) : Results.Ok(OracleDeploymentResource.From(deployment));
            }
            catch (Core.Contracts.ContractFailureException e)
            {
                return Results.Problem(e.Message, statusCode: e.Kind switch
                {
                    Core.Contracts.ContractFailureKind.NotFound => StatusCodes.Status404NotFound,
                    Core.Contracts.ContractFailureKind.NotRunning => StatusCodes.Status409Conflict,
                    Core.Contracts.ContractFailureKind.InvalidInput => StatusCodes.Status400BadRequest,
                    _ => StatusCodes.Status422UnprocessableEntity,
                }, title: "The oracle could not be deployed");
            }
        }).RequireAuthorization(Account.Policies.Operate).WithTags("Oracle")
        .WithSummary("Deploy the portal's NutOracle contract on an Ethereum network with a new, funded oracle account (Admin, Operator); 200 with the existing one if deployed");

        api.MapGet("/networks/{id}/oracle", async (string id, OracleChainDeployer deployer, CancellationToken ct) =>
            await deployer.GetAsync(id, ct) is { } d ? Results.Ok(OracleDeploymentResource.From(d)) : Results.NotFound())
            .WithTags("Oracle").WithSummary("The network's NutOracle: contract address (what consumers are deployed with) and oracle account");
    }

    private static string ReadProto()
    {
        using var stream = typeof(OracleEndpoints).Assembly.GetManifestResourceStream("NutPortal.Oracle.oracle.proto")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>The oracle's web side: gRPC service, its port, the .proto and the log API.</summary>
internal static class OracleWeb
{
    public static IServiceCollection AddOracleWeb(this IServiceCollection services)
    {
        services.AddGrpc();
        services.AddSingleton<OracleTokenLimiter>();
        return services;
    }

    public static void MapOracle(this WebApplication app)
    {
        app.MapOracleEndpoints();
        app.MapOracleChainEndpoints();
        if (app.Configuration[$"{OracleOptions.Section}:GrpcUrl"] is { Length: > 0 } grpcUrl)
        {
            app.MapGrpcService<OracleGrpcService>()
                .RequireHost(OracleKestrel.RequiredHost(grpcUrl))
                .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = Account.ApiTokenAuthenticationHandler.SchemeName });
        }
    }
}
