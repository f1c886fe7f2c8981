using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Oracle;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Oracle;

/// <summary>The queue's claims, retries and the log's filters on each database provider (PostgreSQL when configured).</summary>
public sealed class OracleProviderTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_retried_request_is_answered_and_found_by_the_log_filters(string provider)
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        await using var portal = PortalFactory.On(TestDatabase.Create(provider)).WithOracleSettings();
        await portal.AddNetworkAsync("provider-net");
        var admin = await portal.AdminCallerAsync();

        var request = await portal.SubmitAndWaitAsync(admin, new OracleSubmission("provider-net", server.Localhost("/flaky"), Selector: "ok", ResultType: OracleResultType.Bool, Retries: 3));
        var page = await portal.Services.GetRequiredService<OracleService>().ListAsync(admin,
            new OracleQuery("provider-net", Host: "LOCALHOST", Status: OracleStatus.Succeeded, From: request.CreatedAt.AddSeconds(-1)), new PageRequest(), CancellationToken.None);

        Assert.Equal((OracleStatus.Succeeded, "true", 3), (request.Status, request.Value, request.Attempts));
        Assert.Equal(request.Id, Assert.Single(page.Items).Id);
    }
}
