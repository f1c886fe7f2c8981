using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Identity;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Core.Oracle;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Oracle;

/// <summary>Helpers over a test portal: a network row to attach requests to, the admin as caller, waiting for an answer.</summary>
internal static class OracleTestPortal
{
    /// <summary>Settings every oracle test portal gets: "localhost" allowed (127.0.0.1 is not), quick retries.</summary>
    public static T WithOracleSettings<T>(this T factory)
        where T : PortalFactory
    {
        factory.WithSetting("Portal:Outbound:AllowedHosts:0", "localhost")
            .WithSetting("Portal:Workers:SchedulePollingSeconds", "1")
            .WithSetting("Portal:Workers:QueuePollMilliseconds", "100")
            .WithSetting("Portal:Oracle:RetryBaseSeconds", "0.01");
        return factory;
    }

    public static async Task<string> AddNetworkAsync(this PortalFactory portal, string id)
    {
        var dbFactory = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Networks.Add(new Network { Id = id, Name = id, Platform = "ethereum", Driver = "local", ProfileJson = "{}", CreatedBy = "test", Status = NetworkStatus.Stopped, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return id;
    }

    public static async Task<OracleCaller> AdminCallerAsync(this PortalFactory portal)
    {
        using var scope = portal.Services.CreateScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(PortalFactory.AdminEmail);
        return new OracleCaller(admin!.Id, null, SeesAll: true, MaySubmit: true);
    }

    /// <summary>Submits and waits (on the live event, not by polling) until the request is finished.</summary>
    public static async Task<OracleRequest> SubmitAndWaitAsync(this PortalFactory portal, OracleCaller caller, OracleSubmission submission)
    {
        var oracle = portal.Services.GetRequiredService<OracleService>();
        var finished = new System.Collections.Concurrent.ConcurrentDictionary<long, bool>();
        using var signal = new SemaphoreSlim(0);
        using var subscription = portal.Services.GetRequiredService<LiveNotifier>().Subscribe<OracleRequestChanged>(e =>
        {
            if (e.Status is OracleStatus.Succeeded or OracleStatus.Failed)
            {
                finished[e.Id] = true;
                signal.Release();
            }
            return Task.CompletedTask;
        });
        var result = await oracle.SubmitAsync(caller, submission, CancellationToken.None);
        Assert.True(result.Request is not null, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var id = result.Request.Id;
        while (!result.Request.IsFinished && !finished.ContainsKey(id))
        {
            Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(60)), $"Oracle request {id} did not finish within 60 s.");
        }
        return (await oracle.GetAsync(caller, id, CancellationToken.None))!;
    }
}
