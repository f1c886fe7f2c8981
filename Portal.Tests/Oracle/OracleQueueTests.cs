using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Oracle;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Oracle;

/// <summary>
/// Requests through the real queue (Hangfire, SQLite) to a real HTTP server on loopback. "localhost" is allowed by
/// configuration, 127.0.0.1 and every other non-public address are not.
/// </summary>
public sealed class OracleQueueTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new PortalFactory().WithOracleSettings();
    private LoopbackHttpServer _server = null!;
    private OracleCaller _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackHttpServer.StartAsync();
        await _portal.AddNetworkAsync("oracle-net");
        _admin = await _portal.AdminCallerAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task A_selected_price_is_fetched_typed_as_int256_and_logged()
    {
        var request = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/price"),
            Selector: "$.data.price", ResultType: OracleResultType.Int256, Decimals: 2, Contract: "0x00000000000000000000000000000000000000AA", CallerRequestId: "7"));

        Assert.Equal(OracleStatus.Succeeded, request.Status);
        Assert.Equal("12345", request.Value);
        Assert.Equal(200, request.HttpStatus);
        Assert.Equal(1, request.Attempts);
        Assert.Contains("\"price\":\"123.45\"", System.Text.Encoding.UTF8.GetString(request.RawBody!), StringComparison.Ordinal);
        Assert.Equal("localhost", request.Host);
        Assert.Equal("0x00000000000000000000000000000000000000aa", request.Contract);
        Assert.NotNull(request.FinishedAt);
    }

    [Fact]
    public async Task Bool_bytes_and_a_posted_body_come_back_typed()
    {
        var up = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/price"), Selector: "data.items[0].up", ResultType: OracleResultType.Bool));
        var symbol = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/price"), Selector: "data.symbol", ResultType: OracleResultType.Bytes));
        var echoed = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/echo"), Method: "POST",
            Body: """{"n":42}"""u8.ToArray(), Headers: new Dictionary<string, string> { ["Content-Type"] = "application/json" }, Selector: "n", ResultType: OracleResultType.Int256));

        Assert.Equal("true", up.Value);
        Assert.Equal("0x4e5554", symbol.Value); // "NUT"
        Assert.Equal("42", echoed.Value);
    }

    [Fact]
    public async Task A_missing_member_or_a_non_number_fails_with_the_reason()
    {
        var missing = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/price"), Selector: "data.volume"));
        var notNumber = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/price"), Selector: "data.symbol", ResultType: OracleResultType.Int256));

        Assert.Equal(OracleStatus.Failed, missing.Status);
        Assert.Equal("No member 'volume' at $.data (a JSON object).", missing.Error);
        Assert.Equal("'NUT' is not a number.", notNumber.Error);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/price", "127.0.0.1")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://[::1]:{port}/price", "::1")]
    public async Task Loopback_and_metadata_addresses_are_refused_and_logged(string url, string address)
    {
        var request = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", url.Replace("{port}", _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        Assert.Equal(OracleStatus.Failed, request.Status);
        Assert.StartsWith("Refused by the outbound guard:", request.Error, StringComparison.Ordinal);
        Assert.Contains(address, request.Error, StringComparison.Ordinal);
        Assert.Equal(0, request.Attempts);
        Assert.Equal(0, _server.Hits("/price"));
    }

    [Fact]
    public async Task A_redirect_into_a_private_address_fails_at_the_hop_and_the_target_is_never_called()
    {
        var request = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net",
            _server.Localhost("/redirect?to=" + Uri.EscapeDataString(_server.Loopback("/price"))), Retries: 0));

        Assert.Equal(OracleStatus.Failed, request.Status);
        Assert.Contains("outbound guard", request.Error, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", request.Error, StringComparison.Ordinal);
        Assert.Equal(1, _server.Hits("/redirect"));
        Assert.Equal(0, _server.Hits("/price"));
    }

    [Fact]
    public async Task A_redirect_to_a_file_url_and_a_file_url_itself_are_refused()
    {
        var redirected = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/redirect?to=" + Uri.EscapeDataString("file:///etc/passwd"))));
        var direct = await _portal.Services.GetRequiredService<OracleService>().SubmitAsync(_admin, new OracleSubmission("oracle-net", "file:///etc/passwd"), CancellationToken.None);

        Assert.Equal("Refused the 'file:' scheme in a redirect: only http and https are called.", redirected.Error);
        Assert.Null(direct.Request);
        Assert.Equal("url", Assert.Single(direct.Errors).Field);
        Assert.Contains("'file:' scheme is refused", direct.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_fails_twice_is_retried_with_back_off_until_it_answers()
    {
        var request = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/flaky"), Selector: "ok", ResultType: OracleResultType.Bool, Retries: 3));

        Assert.Equal(OracleStatus.Succeeded, request.Status);
        Assert.Equal("true", request.Value);
        Assert.Equal(3, request.Attempts);
        Assert.Equal(3, _server.Hits("/flaky"));
    }

    [Fact]
    public async Task A_server_that_keeps_failing_fails_after_its_retries()
    {
        var request = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/down"), Retries: 1));

        Assert.Equal(OracleStatus.Failed, request.Status);
        Assert.Equal(2, request.Attempts);
        Assert.Equal(2, _server.Hits("/down"));
        Assert.Equal(503, request.HttpStatus);
        Assert.StartsWith("HTTP 503", request.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_body_and_a_slow_server_fail_at_their_caps()
    {
        var endless = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/endless")));
        var slow = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/slow"), TimeoutMs: 300, Retries: 0));

        Assert.Equal(OracleStatus.Failed, endless.Status);
        Assert.Contains("larger than Portal:Oracle:MaxResponseBytes", endless.Error, StringComparison.Ordinal);
        Assert.Equal(OracleStatus.Failed, slow.Status);
        Assert.Equal("No complete answer within 300 ms.", slow.Error);
    }

    [Fact]
    public async Task Bad_fields_and_an_unknown_network_are_named()
    {
        var oracle = _portal.Services.GetRequiredService<OracleService>();

        var bad = await oracle.SubmitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/price"), Method: "TRACE", Selector: "a[x", Decimals: 40), CancellationToken.None);
        var unknown = await oracle.SubmitAsync(_admin, new OracleSubmission("nope", _server.Localhost("/price")), CancellationToken.None);

        Assert.Equal(["method", "selector", "decimals"], bad.Errors.Select(e => e.Field));
        Assert.Equal("No network 'nope'.", Assert.Single(unknown.Errors).Message);
    }

    [Fact]
    public async Task The_log_is_filtered_by_network_host_status_and_time_and_each_user_sees_only_their_own()
    {
        await _portal.AddNetworkAsync("other-net");
        var ok = await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", _server.Localhost("/price"), Selector: "data.symbol"));
        await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("other-net", _server.Localhost("/price"), Selector: "data.symbol"));
        await _portal.SubmitAndWaitAsync(_admin, new OracleSubmission("oracle-net", "http://169.254.169.254/"));
        using var api = _portal.CreateAdminClient();

        var byNetworkAndStatus = await api.GetFromJsonAsync<JsonElement>("/api/v1/oracle/requests?network=oracle-net&status=Succeeded&host=localhost");
        var byHost = await api.GetFromJsonAsync<JsonElement>("/api/v1/oracle/requests?host=169.254.169.254");
        var future = await api.GetFromJsonAsync<JsonElement>($"/api/v1/oracle/requests?from={DateTime.UtcNow.AddMinutes(5):O}");
        var stranger = new OracleCaller("someone-else", null, SeesAll: false, MaySubmit: true);
        var theirs = await _portal.Services.GetRequiredService<OracleService>().ListAsync(stranger, new OracleQuery(), new Core.Persistence.PageRequest(), CancellationToken.None);

        Assert.Equal([ok.Id], byNetworkAndStatus.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal("NUT", byNetworkAndStatus.GetProperty("items")[0].GetProperty("value").GetString());
        Assert.Equal("Failed", byHost.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal(0, future.GetProperty("total").GetInt32());
        Assert.Empty(theirs.Items);
    }
}
