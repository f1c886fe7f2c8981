using System.Security.Claims;
using NutPortal.Core.Oracle;
using NutPortal.Core.Persistence;

namespace NutPortal.Web.Oracle;

/// <summary>A request in the oracle log, as the API returns it.</summary>
public sealed record OracleRequestResource(long Id, string NetworkId, string? Contract, string? CallerRequestId, string Method, string Url, string Host,
    string ResultType, string? Selector, string Status, int Attempts, int? HttpStatus, string? Value, string? Error, string? RawBody, bool RawBodyTruncated,
    DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, long? DurationMs)
{
    public static OracleRequestResource From(Core.Oracle.OracleRequest r) => new(r.Id, r.NetworkId, r.Contract, r.CallerRequestId, r.Method, r.Url, r.Host,
        r.ResultType.ToString(), r.Selector, r.Status.ToString(), r.Attempts, r.HttpStatus, r.Value, r.Error,
        r.RawBody is null ? null : System.Text.Encoding.UTF8.GetString(r.RawBody), r.RawBodyTruncated, r.CreatedAt, r.StartedAt, r.FinishedAt, r.DurationMs);
}

internal static class OracleEndpoints
{
    public const string ProtoPath = "/api/v1/oracle/oracle.proto";

    public static void MapOracleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ProtoPath, () => Results.Text(ReadProto(), "text/plain; charset=utf-8"))
            .AllowAnonymous().WithTags("Oracle").WithSummary("The oracle's gRPC contract (package nutportal.oracle.v1), to generate client stubs from");

        endpoints.MapGet("/api/v1/oracle/requests", async (ClaimsPrincipal user, OracleService oracle, CancellationToken ct,
            string? network, string? contract, string? host, OracleStatus? status, DateTime? from, DateTime? to, int? page, int? pageSize) =>
        {
            var query = new OracleQuery(network, contract, host, status, from?.ToUniversalTime(), to?.ToUniversalTime());
            var result = await oracle.ListAsync(OracleCallers.From(user), query, new PageRequest(page ?? 0, pageSize ?? 25), ct);
            return Results.Ok(new { items = result.Items.Select(OracleRequestResource.From), total = result.Total, totalIsCapped = result.TotalIsCapped });
        }).WithTags("Oracle").WithSummary("The oracle log, newest first, filtered by network, contract, host, status and time (from inclusive, to exclusive)");

        endpoints.MapGet("/api/v1/oracle/requests/{id:long}", async (long id, ClaimsPrincipal user, OracleService oracle, CancellationToken ct) =>
            await oracle.GetAsync(OracleCallers.From(user), id, ct) is { } r ? Results.Ok(OracleRequestResource.From(r)) : Results.NotFound())
            .WithTags("Oracle").WithSummary("One oracle request with its answer");
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
        if (app.Configuration[$"{OracleOptions.Section}:GrpcUrl"] is { Length: > 0 } grpcUrl)
        {
            app.MapGrpcService<OracleGrpcService>()
                .RequireHost(OracleKestrel.RequiredHost(grpcUrl))
                .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = Account.ApiTokenAuthenticationHandler.SchemeName });
        }
    }
}
