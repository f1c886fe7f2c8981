using System.Security.Claims;
using System.Text;
using System.Text.Json;
using NutPortal.Core.Oracle;
using NutPortal.Core.Organizations;
using NutPortal.Web.Api;

namespace NutPortal.Web.Oracle;

/// <summary>A network source in a REST submission: a balance (address, asset) or a read-only call (contract, method, args).</summary>
public sealed record OracleSourceBody(string? NetworkId, string? Address, string? Asset, string? Contract, string? Method, JsonElement? Args);

/// <summary>An oracle request over REST: the gRPC Submit's fields in JSON (body as text), a URL or a network source.</summary>
public sealed record OracleSubmitBody(string? NetworkId, string? Url, OracleSourceBody? NetworkSource, string? Method, Dictionary<string, string>? Headers,
    string? Body, int? TimeoutMs, string? Selector, string? ResultType, int? Decimals, string? Contract, string? CallerRequestId, string? Callback, int? Retries);

/// <summary><c>POST /api/v1/oracle/requests</c>: the same submission as gRPC Submit, checked by the same rules (<see cref="OracleService"/>).</summary>
internal static class OracleSubmitEndpoint
{
    public static void MapOracleSubmitEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/oracle/requests", async (OracleSubmitBody body, ClaimsPrincipal user, OracleService oracle, OrganizationAccess access, CancellationToken ct) =>
        {
            OracleResultType type = default;
            if (body.ResultType is { Length: > 0 } typeText && (!Enum.TryParse(typeText, ignoreCase: true, out type) || !Enum.IsDefined(type) || int.TryParse(typeText, out _)))
            {
                return FieldErrors.Single("resultType", "One of string, int256, bool, bytes, tuple.");
            }
            if (body.NetworkSource?.Args is { ValueKind: not (JsonValueKind.Array or JsonValueKind.Null or JsonValueKind.Undefined) })
            {
                return FieldErrors.Single("networkSource.args", "The arguments are a JSON array.");
            }
            var source = body.NetworkSource is { } s
                ? new OracleNetworkSource(s.NetworkId ?? "", s.Contract is null && s.Method is null ? s.Address ?? "" : null, s.Asset, s.Contract, s.Method,
                    s.Args is { ValueKind: JsonValueKind.Array } args ? args.GetRawText() : null)
                : null;
            var submission = new OracleSubmission(body.NetworkId ?? "", body.Url ?? "", body.Method, body.Headers, body.Body is null ? null : Encoding.UTF8.GetBytes(body.Body),
                body.TimeoutMs, body.Selector, type, body.Decimals ?? 0, body.Contract, body.CallerRequestId, body.Callback, body.Retries, source);
            var result = await oracle.SubmitAsync(await OracleCallers.FromAsync(user, access, ct), submission, ct);
            if (result.Request is { } stored)
            {
                return Results.Accepted($"/api/v1/oracle/requests/{stored.Id}", OracleRequestResource.From(stored));
            }
            if (result.Errors.FirstOrDefault(e => e.Field == "caller") is { } refused)
            {
                return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
            }
            var errors = new FieldErrors();
            foreach (var error in result.Errors)
            {
                errors.Add(error.Field, error.Message);
            }
            return errors.ToResult("The oracle request has invalid fields");
        }).WithTags("Oracle")
        .WithSummary("Submit an oracle request (Admin, Operator, Developer): a URL, or a networkSource (another portal network's balance or contract call); answered at once with the stored request");
    }
}
