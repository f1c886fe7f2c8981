using Microsoft.AspNetCore.StaticFiles;
using NutPortal.Core.DappStore;

namespace NutPortal.Web.DappStore;

/// <summary>Where an uploaded front end is served: its own path, keyed by the bundle's random key.</summary>
public static class BundlePaths
{
    public const string Prefix = "/dapp-bundles";

    public static string Entry(DappBundle bundle) => $"{Prefix}/{bundle.Key}/{bundle.EntryPoint}";
}

/// <summary>
/// Serves uploaded DApp front ends. Each response carries a Content-Security-Policy whose <c>sandbox allow-scripts</c>
/// gives the page an opaque origin even when opened outside its iframe, so its scripts never reach the portal's
/// cookies, storage or API as the signed-in user; it may load only its own files (no network, no forms, no plugins)
/// and only the portal may frame it. The key in the path is random and handed out only with the DApp, so the files
/// need no cookie (the sandboxed page's own requests carry none). Every HTML page gets the portal's EIP-1193 provider
/// (<c>js/dapp-provider.js</c>, allowed by the policy's script-src) as its first script, so an unmodified ethers or
/// web3.js front end finds <c>window.ethereum</c>; the provider talks to the DApp page around the frame by postMessage.
/// </summary>
internal static class BundleEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapDappBundles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(BundlePaths.Prefix + "/{key}/{**path}", [HttpMethods.Get, HttpMethods.Head], async (string key, string? path, HttpContext http, DappBundleStore store, CancellationToken ct) =>
        {
            var file = await store.ResolveAsync(key, path ?? "", ct);
            if (file is null)
            {
                // A plain answer: the portal's not-found page (which wants a sign-in) has no place inside a DApp's frame.
                return Results.Text("No such file in this DApp bundle.", "text/plain", statusCode: StatusCodes.Status404NotFound);
            }
            var origin = $"{http.Request.Scheme}://{http.Request.Host}";
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = Policy(origin);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers.CacheControl = "private, max-age=300";
            var type = ContentTypes.TryGetContentType(file, out var known) ? known : "application/octet-stream";
            if (type == "text/html")
            {
                var html = await File.ReadAllTextAsync(file, ct);
                return Results.Content(ProviderInjection.Inject(html, origin + ProviderInjection.ScriptPath), "text/html; charset=utf-8");
            }
            return TypedResults.PhysicalFile(file, type);
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The bundle's policy: its own origin named explicitly (a sandboxed page's 'self' is opaque in some browsers).</summary>
    public static string Policy(string origin) =>
        $"sandbox allow-scripts; default-src 'none'; script-src {origin}; style-src {origin} 'unsafe-inline'; img-src {origin} data:; font-src {origin}; " +
        "connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; form-action 'none'; base-uri 'none'; " +
        $"frame-ancestors {origin}";
}
