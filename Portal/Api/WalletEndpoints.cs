using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using NutPortal.Core.Wallets;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

/// <summary>
/// The caller's wallet (every signed-in user has one): accounts, keystores, and per network the holdings, history,
/// fee estimate, send and faucet. Accounts are the caller's own (another user's is 404); networks are those the caller
/// may see (the resource filter answers 404 for the rest), and sending needs only sight of the network: the key is the user's.
/// </summary>
internal static class WalletEndpoints
{
    public sealed record CreateRequest(string? Name);

    // Secrets in requests never reach a log through ToString (a record would print every property).
    public sealed record ImportKeyRequest(string? Name, string? PrivateKey)
    {
        public override string ToString() => $"ImportKeyRequest {{ Name = {Name} }}";
    }

    public sealed record ImportKeystoreRequest(string? Name, JsonElement? Keystore, string? Password)
    {
        public override string ToString() => $"ImportKeystoreRequest {{ Name = {Name} }}";
    }

    public sealed record ExportRequest(string? Password)
    {
        public override string ToString() => "ExportRequest";
    }

    public static void MapWalletEndpoints(this RouteGroupBuilder api)
    {
        var wallets = api.MapGroup("/wallets").WithTags("Wallets");
        wallets.MapGet("/", async (ClaimsPrincipal user, WalletService service, CancellationToken ct) =>
            Results.Ok(await service.ListAsync(UserId(user), ct))).WithSummary("The caller's wallet accounts (never their keys)");

        wallets.MapPost("/", async (CreateRequest request, ClaimsPrincipal user, WalletService service, CancellationToken ct) =>
            await RunAsync(async () => Created(await service.CreateAsync(UserId(user), request.Name, ct)))).WithSummary("Create an account with a new key");

        wallets.MapPost("/import-key", async (ImportKeyRequest request, ClaimsPrincipal user, WalletService service, CancellationToken ct) =>
            await RunAsync(async () => Created(await service.ImportKeyAsync(UserId(user), request.Name, request.PrivateKey, ct)))).WithSummary("Import an account from its private key (hex)");

        wallets.MapPost("/import-keystore", ImportKeystoreAsync)
            .WithSummary("Import an account from a keystore V3 file (scrypt or pbkdf2; cost and size limited) and its password")
            .Accepts<ImportKeystoreRequest>("application/json");

        wallets.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, WalletService service, CancellationToken ct) =>
            await RunAsync(async () => Results.Ok(await service.GetAsync(UserId(user), id, ct))));

        wallets.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, WalletService service, CancellationToken ct) =>
            await RunAsync(async () =>
            {
                await service.DeleteAsync(UserId(user), id, ct);
                return Results.NoContent();
            })).WithSummary("Remove an account from the wallet (export its keystore first to keep the key)");

        wallets.MapPost("/{id:long}/export", async (long id, ExportRequest request, ClaimsPrincipal user, WalletService service, CancellationToken ct) =>
            await RunAsync(async () => Results.Text(await service.ExportKeystoreAsync(UserId(user), id, request.Password, ct), "application/json")))
            .WithSummary("The account's key as a keystore V3 file (scrypt) under the given password");

        wallets.MapGet("/networks", async (CallerAccessor callers, WalletNetworks networks, CancellationToken ct) =>
            Results.Ok(await networks.ListAsync(await callers.GetAsync(ct), ct))).WithSummary("The networks the caller's wallet may use");

        WalletNetworkEndpoints.Map(wallets);
    }

    private static async Task<IResult> ImportKeystoreAsync(HttpContext http, ClaimsPrincipal user, WalletService service, IOptions<WalletOptions> options, CancellationToken ct)
    {
        // The body is read here, under a limit of its own: a keystore file is small, and the portal's general body limit is megabytes.
        var limit = options.Value.MaxKeystoreBytes + 4096L;
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        // Read at most the limit, whatever the server and however the body is framed (chunked bodies declare no length).
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        try
        {
            while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return TooLarge(limit);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        ImportKeystoreRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<ImportKeystoreRequest>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            return FieldErrors.Single("body", $"The body is not JSON of the form {{name, keystore, password}}: {e.Message}");
        }
        // The file may come as its JSON text or as the JSON object itself.
        var keystore = request?.Keystore is { ValueKind: JsonValueKind.String } s ? s.GetString()
            : request?.Keystore is { ValueKind: JsonValueKind.Object } o ? o.GetRawText() : null;
        return await RunAsync(async () => Created(await service.ImportKeystoreAsync(UserId(user), request?.Name, keystore, request?.Password, ct)));
    }

    private static IResult TooLarge(long limit) =>
        Results.Problem($"A keystore import takes at most {limit} bytes (Portal:Wallets:MaxKeystoreBytes).", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large");

    private static IResult Created(WalletAccountView account) => Results.Created($"/api/v1/wallets/{account.Id}", account);

    internal static string UserId(ClaimsPrincipal user) => TokenEndpoints.UserId(user);

    internal static async Task<IResult> RunAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (WalletFailureException e)
        {
            return e.Kind switch
            {
                WalletFailureKind.NotFound => Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
                WalletFailureKind.InvalidInput => FieldErrors.Single(e.Field, e.Message),
                WalletFailureKind.Duplicate => Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Already in the wallet"),
                WalletFailureKind.InsufficientFunds => Results.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not enough funds",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [e.Field] = [e.Message] } }),
                WalletFailureKind.RateLimited => Results.Problem(e.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Faucet limit reached"),
                WalletFailureKind.Unavailable => Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Not available on this network"),
                _ => Results.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The transaction was not sent"),
            };
        }
    }
}
