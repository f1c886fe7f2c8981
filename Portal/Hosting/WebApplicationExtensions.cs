using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using NutPortal.Web.Account;
using NutPortal.Web.Api;
using NutPortal.Web.Components;
using NutPortal.Web.Live;
using NutPortal.Web.Oracle;

namespace NutPortal.Web.Hosting;

public static class WebApplicationExtensions
{
    /// <summary>The request pipeline and every endpoint.</summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            // A client's bad request is the client's problem: answered with problem details, not logged as a failure.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        // Bare error statuses: problem details on API routes (outer), the not-found page for pages (inner).
        app.UseStatusCodePages(ProblemResponses.WriteStatusCodeProblemAsync);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (ApiPaths.IsApi(context) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            return next(context);
        });
        app.UseMiddleware<QueryStringLimitMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();

        // Static files (npm assets, our CSS) need no sign-in.
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi();
        app.MapOracle(); // before the API's catch-all fallback
        NutPortal.Web.Gateway.GatewayEndpoints.MapRpcGateway(app);
        NutPortal.Web.DappStore.BundleEndpoints.MapDappBundles(app);
        app.MapPortalApi();
        app.MapAccountEndpoints();
        NutPortal.Web.IdentityChain.IdentitySignInEndpoints.MapIdentitySignIn(app);
        app.MapHub<LiveHub>(LiveHub.Path);
        app.MapJobDashboard();
        // Fingerprinted assets from the build's manifest: Blazor's script, MudBlazor's _content, wwwroot.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
