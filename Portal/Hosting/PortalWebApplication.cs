using NutPortal.Core;
using NutPortal.Workers;

namespace NutPortal.Web.Hosting;

/// <summary>The composition root: builds the web host from Core, Workers and the web layer.</summary>
public static class PortalWebApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application is always "Portal", also when a bench runs it inside another process (a test host): the
        // static-asset manifest MapStaticAssets reads is named after it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, ContentRootPath = ContentRoot(args), ApplicationName = typeof(PortalWebApplication).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        builder.Services
            .AddPortalCore(builder.Configuration)
            .AddPortalWorkers(builder.Configuration)
            .AddPortalWeb(builder.Configuration);
        builder.WebHost.ConfigurePortalKestrel();
        // Serve wwwroot from the build output's static-asset manifest too (not only in Development), so the
        // built Portal.dll works from its bin folder; a published app has wwwroot next to it anyway.
        builder.WebHost.UseStaticWebAssets();

        var app = builder.Build();
        app.UsePortal();
        return app;
    }

    /// <summary>
    /// The working directory when it holds the portal's files (dotnet run), else the executable's folder, so
    /// `dotnet path/to/Portal.dll` finds appsettings.json and wwwroot from anywhere. --contentRoot still wins.
    /// </summary>
    private static string? ContentRoot(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) || File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? null
            : AppContext.BaseDirectory;
}
