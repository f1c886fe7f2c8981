using NutPortal.Core;
using NutPortal.Workers;

namespace NutPortal.Web.Hosting;

/// <summary>The composition root: builds the web host from Core, Workers and the web layer.</summary>
public static class PortalWebApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services
            .AddPortalCore(builder.Configuration)
            .AddPortalWorkers(builder.Configuration)
            .AddPortalWeb(builder.Configuration);
        builder.WebHost.ConfigurePortalKestrel();

        var app = builder.Build();
        app.UsePortal();
        return app;
    }
}
