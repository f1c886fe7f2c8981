using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Oracle.V1;
using Status = NutPortal.Oracle.V1.Status;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Oracle;

/// <summary>The gRPC service on its own h2c port, called by real clients: Grpc.Net.Client and Node's @grpc/grpc-js.</summary>
public sealed class OracleGrpcTests : IAsyncLifetime
{
    private readonly GrpcPortalFactory _portal = GrpcPortalFactory.Create();
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackHttpServer.StartAsync();
        _portal.StartServer();
        await _portal.AddNetworkAsync("grpc-net");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task A_dotnet_client_submits_and_streams_the_result_until_it_is_finished()
    {
        using var channel = _portal.Channel();
        var client = new NutPortal.Oracle.V1.Oracle.OracleClient(channel);

        var reply = await client.SubmitAsync(new OracleRequest
        {
            Url = _server.Localhost("/price"),
            Selector = "$.data.price",
            ResultType = ResultType.Int256,
            Decimals = 2,
            Caller = new Caller { NetworkId = "grpc-net", RequestId = "device-1" },
        });
        using var watch = client.Watch(new WatchRequest { Ids = { reply.Id } });
        var seen = new List<OracleResult>();
        await foreach (var result in watch.ResponseStream.ReadAllAsync())
        {
            seen.Add(result);
        }
        var got = await client.GetAsync(new GetRequest { Id = reply.Id });

        Assert.Equal(Status.Queued, reply.Status);
        Assert.Equal(Status.Succeeded, seen[^1].Status);
        Assert.Equal("12345", seen[^1].Value);
        Assert.Equal(200, seen[^1].HttpStatus);
        Assert.Equal(reply.Id, seen[^1].LogId);
        Assert.Equal("device-1", seen[^1].Caller.RequestId);
        Assert.Equal(1u, seen[^1].Timings.Attempts);
        Assert.Equal(seen[^1], got);
    }

    [Fact]
    public async Task A_node_client_generated_from_the_served_proto_submits_and_streams_the_result()
    {
        var input = JsonSerializer.Serialize(new
        {
            protoUrl = new Uri(_portal.HttpAddress, "api/v1/oracle/oracle.proto").ToString(),
            target = _portal.GrpcAddress.Authority,
            token = _portal.BootstrapToken,
            request = new { url = _server.Localhost("/price"), selector = "data.items[0].up", result_type = "RESULT_TYPE_BOOL", caller = new { network_id = "grpc-net" } },
        });

        var output = await NodeScript.RunAsync("Portal.Tests/Oracle/oracle-client.mjs", input);

        using var json = JsonDocument.Parse(output);
        var last = json.RootElement.GetProperty("results").EnumerateArray().Last();
        Assert.Equal("STATUS_SUCCEEDED", last.GetProperty("status").GetString());
        Assert.Equal("true", last.GetProperty("value").GetString());
        Assert.Equal(json.RootElement.GetProperty("id").GetString(), last.GetProperty("log_id").GetString());
    }

    [Fact]
    public async Task A_network_source_travels_in_the_proto_and_comes_back_with_its_result_and_an_unknown_source_network_is_refused()
    {
        using var channel = _portal.Channel();
        var client = new NutPortal.Oracle.V1.Oracle.OracleClient(channel);
        const string Address = "0x52908400098527886E0F7030069857D2E4169EE7";

        var reply = await client.SubmitAsync(new OracleRequest
        {
            NetworkSource = new NetworkSource { NetworkId = "grpc-net", Balance = new BalanceRead { Address = Address, Asset = "ETH" } },
            ResultType = ResultType.Int256,
            Retries = 0,
            Caller = new Caller { NetworkId = "grpc-net" },
        });
        using var watch = client.Watch(new WatchRequest { Ids = { reply.Id } });
        OracleResult? last = null;
        await foreach (var result in watch.ResponseStream.ReadAllAsync())
        {
            last = result;
        }
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await client.SubmitAsync(new OracleRequest
        {
            NetworkSource = new NetworkSource { NetworkId = "no-such-net", Call = new ContractCallRead { Contract = Address, Method = "totalSupply() returns (uint256)" } },
            Caller = new Caller { NetworkId = "grpc-net" },
        }));

        // The stored network has no node running: the read fails with that reason, and the source comes back as sent.
        Assert.Equal(Status.Failed, last!.Status);
        Assert.Equal($"portal://grpc-net/balances/{Address}?asset=ETH", last.Url);
        Assert.Equal(("grpc-net", Address, "ETH"), (last.NetworkSource.NetworkId, last.NetworkSource.Balance.Address, last.NetworkSource.Balance.Asset));
        Assert.Contains("No node of network 'grpc-net' is up", last.Error, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
        Assert.Contains("network_source.network_id: No network 'no-such-net' visible to the requester's organization.", unknown.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_client_from_the_served_proto_names_a_network_source_in_the_oneof_and_gets_it_back()
    {
        const string Address = "0x52908400098527886E0F7030069857D2E4169EE7";
        var input = JsonSerializer.Serialize(new
        {
            protoUrl = new Uri(_portal.HttpAddress, "api/v1/oracle/oracle.proto").ToString(),
            target = _portal.GrpcAddress.Authority,
            token = _portal.BootstrapToken,
            request = new { network_source = new { network_id = "grpc-net", balance = new { address = Address } }, retries = 0, caller = new { network_id = "grpc-net" } },
        });

        var output = await NodeScript.RunAsync("Portal.Tests/Oracle/oracle-client.mjs", input);

        using var json = JsonDocument.Parse(output);
        var last = json.RootElement.GetProperty("results").EnumerateArray().Last();
        Assert.Equal("STATUS_FAILED", last.GetProperty("status").GetString()); // the stored network runs no node
        Assert.Equal($"portal://grpc-net/balances/{Address}", last.GetProperty("url").GetString());
        Assert.Equal("balance", last.GetProperty("network_source").GetProperty("read").GetString());
        Assert.Equal(Address, last.GetProperty("network_source").GetProperty("balance").GetProperty("address").GetString());
    }

    [Fact]
    public async Task A_response_mapping_answers_several_fields_as_one_tuple()
    {
        using var channel = _portal.Channel();
        var client = new NutPortal.Oracle.V1.Oracle.OracleClient(channel);

        var reply = await client.SubmitAsync(new OracleRequest
        {
            Url = _server.Localhost("/price"),
            ResultType = ResultType.Tuple,
            Fields =
            {
                new TupleField { Selector = "$.data.price", Type = ResultType.Int256, Decimals = 2 },
                new TupleField { Selector = "data.items[0].up", Type = ResultType.Bool },
                new TupleField { Selector = "data.symbol", Type = ResultType.String },
            },
            Caller = new Caller { NetworkId = "grpc-net" },
        });
        using var watch = client.Watch(new WatchRequest { Ids = { reply.Id } });
        OracleResult? last = null;
        await foreach (var result in watch.ResponseStream.ReadAllAsync())
        {
            last = result;
        }

        Assert.Equal(Status.Succeeded, last!.Status);
        Assert.Equal("[\"12345\",\"true\",\"NUT\"]", last.Value);
        Assert.Equal(ResultType.Tuple, last.ResultType);
    }

    [Fact]
    public async Task A_scheduled_request_runs_again_and_again_until_it_is_unscheduled()
    {
        using var channel = _portal.Channel();
        var client = new NutPortal.Oracle.V1.Oracle.OracleClient(channel);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = client.Watch(new WatchRequest(), cancellationToken: timeout.Token);

        var schedule = await client.ScheduleAsync(new ScheduleRequest
        {
            Request = new OracleRequest { Url = _server.Localhost("/price"), Selector = "data.symbol", Caller = new Caller { NetworkId = "grpc-net", RequestId = "poll" } },
            EverySeconds = 1,
        });
        var answered = new HashSet<long>();
        await foreach (var result in watch.ResponseStream.ReadAllAsync(timeout.Token))
        {
            if (result.Status == Status.Succeeded && result.Caller.RequestId == "poll" && answered.Add(result.Id) && answered.Count == 2)
            {
                break;
            }
        }
        var removed = await client.UnscheduleAsync(new UnscheduleRequest { ScheduleId = schedule.ScheduleId });
        using var storage = _portal.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();

        Assert.Equal("*/1 * * * * *", schedule.Cron);
        Assert.Equal(2, answered.Count);
        Assert.True(removed.Removed);
        Assert.DoesNotContain(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(storage), j => j.Id.Contains(schedule.ScheduleId, StringComparison.Ordinal));
        var again = await Assert.ThrowsAsync<RpcException>(async () => await client.UnscheduleAsync(new UnscheduleRequest { ScheduleId = schedule.ScheduleId }));
        Assert.Equal(StatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData(7, "", "schedule: every_seconds divides a minute")]
    [InlineData(0, "not a cron", "schedule: 'not a cron' is not a valid cron expression")]
    [InlineData(5, "* * * * *", "schedule: Give either every_seconds or cron.")]
    public async Task A_schedule_without_a_valid_rhythm_is_refused(int everySeconds, string cron, string error)
    {
        using var channel = _portal.Channel();
        var client = new NutPortal.Oracle.V1.Oracle.OracleClient(channel);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await client.ScheduleAsync(new ScheduleRequest
        {
            Request = new OracleRequest { Url = _server.Localhost("/price"), Caller = new Caller { NetworkId = "grpc-net" } },
            EverySeconds = (uint)everySeconds,
            Cron = cron,
        }));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith(error, refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_protobuf_message_is_refused_and_the_service_keeps_answering()
    {
        using var http = new HttpClient();
        using var garbage = new ByteArrayContent([0, 0, 0, 0, 6, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]); // one uncompressed frame of 6 bytes no message parses
        garbage.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        using var call = new HttpRequestMessage(HttpMethod.Post, new Uri(_portal.GrpcAddress, "nutportal.oracle.v1.Oracle/Submit")) 
        {
            Content = garbage, Version = System.Net.HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        call.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _portal.BootstrapToken);
        call.Headers.TE.ParseAdd("trailers");

        using var response = await http.SendAsync(call);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var t) ? t.Single()
            : response.Headers.TryGetValues("grpc-status", out var h) ? h.Single() : null;
        using var channel = _portal.Channel();
        var after = await new NutPortal.Oracle.V1.Oracle.OracleClient(channel).SubmitAsync(
            new OracleRequest { Url = _server.Localhost("/price"), Caller = new Caller { NetworkId = "grpc-net" } });

        Assert.NotNull(status);
        Assert.NotEqual("0", status);
        Assert.Equal(Status.Queued, after.Status);
    }

    [Fact]
    public async Task Calls_without_a_valid_token_are_unauthenticated()
    {
        using var anonymous = _portal.Channel(token: "");
        using var unknown = _portal.Channel(token: "np_unknown_token_that_is_long_enough");
        var request = new OracleRequest { Url = _server.Localhost("/price"), Caller = new Caller { NetworkId = "grpc-net" } };

        var noToken = await Assert.ThrowsAsync<RpcException>(async () => await new NutPortal.Oracle.V1.Oracle.OracleClient(anonymous).SubmitAsync(request));
        var badToken = await Assert.ThrowsAsync<RpcException>(async () => await new NutPortal.Oracle.V1.Oracle.OracleClient(unknown).GetAsync(new GetRequest { Id = 1 }));

        Assert.Equal(StatusCode.Unauthenticated, noToken.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, badToken.StatusCode);
    }

    [Fact]
    public async Task A_member_without_a_developer_or_operator_role_may_not_submit_and_nothing_is_stored()
    {
        // A Member of the organization that owns the network: it sees the network, only its role keeps it out.
        using var member = await Organizations.Tenants.UserAsync(_portal, NutPortal.Core.Organizations.Organization.DefaultId, "Member");
        var token = await _portal.Services.GetRequiredService<NutPortal.Core.Identity.ApiTokenService>().CreateAsync(member.Id, "grpc");
        using var channel = _portal.Channel(token: token.Secret);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await new NutPortal.Oracle.V1.Oracle.OracleClient(channel)
            .SubmitAsync(new OracleRequest { Url = _server.Localhost("/price"), Caller = new Caller { NetworkId = "grpc-net" } }));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal("caller: Your roles do not allow submitting oracle requests (Admin, Operator or Developer).", refused.Status.Detail);
        Assert.Equal(0, _server.Hits("/price"));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_an_unknown_id_is_not_found()
    {
        using var channel = _portal.Channel();
        var client = new NutPortal.Oracle.V1.Oracle.OracleClient(channel);

        var bad = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.SubmitAsync(new OracleRequest { Url = "gopher://example.com/", Caller = new Caller { NetworkId = "grpc-net" } }));
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(new GetRequest { Id = 999_999 }));

        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal("url: The 'gopher:' scheme is refused: only http and https.", bad.Status.Detail);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_portal_keeps_its_http_port_and_serves_the_proto_there()
    {
        using var http = _portal.Http();

        var health = await http.GetAsync("/healthz");
        var proto = await http.GetStringAsync("/api/v1/oracle/oracle.proto");

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(NodeScript.RepoRoot, "Portal/Oracle/oracle.proto")), proto);
    }
}
