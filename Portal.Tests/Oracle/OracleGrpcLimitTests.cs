using Grpc.Core;
using NutPortal.Oracle.V1;

namespace NutPortal.Tests.Oracle;

public sealed class OracleGrpcLimitTests
{
    [Fact]
    public async Task A_token_past_its_calls_per_minute_is_told_which_limit_it_hit()
    {
        await using var portal = GrpcPortalFactory.Create(p => p.WithSetting("Portal:Oracle:CallsPerTokenPerMinute", "2"));
        using var channel = portal.Channel();
        var client = new NutPortal.Oracle.V1.Oracle.OracleClient(channel);

        // Unknown ids: each call still counts against the token.
        await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(new GetRequest { Id = 1 }));
        await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(new GetRequest { Id = 2 }));
        var third = await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(new GetRequest { Id = 3 }));

        Assert.Equal(StatusCode.ResourceExhausted, third.StatusCode);
        Assert.Contains("Portal:Oracle:CallsPerTokenPerMinute", third.Status.Detail, StringComparison.Ordinal);
    }
}
