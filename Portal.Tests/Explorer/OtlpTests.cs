using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Explorer;

public sealed class OtlpTests(ExplorerNetworkFixture fixture) : IClassFixture<ExplorerNetworkFixture>
{
    [Fact]
    public async Task A_trace_exported_as_otlp_can_be_sent_back_and_its_spans_become_stages()
    {
        var hash = fixture.Transfer.TransactionHash;
        await fixture.Chain.WaitForIndexedAsync((long)fixture.Transfer.BlockNumber + 6); // confirmed: a finished stage
        var otlp = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{fixture.Chain.Id}/transactions/{hash}/trace/otlp");
        var spans = otlp.GetProperty("resourceSpans")[0].GetProperty("scopeSpans")[0].GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal(["transaction", "included", "confirmed"], spans.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(hash[2..34], spans[0].GetProperty("traceId").GetString());
        Assert.All(spans.Skip(1), s => Assert.Equal(spans[0].GetProperty("spanId").GetString(), s.GetProperty("parentSpanId").GetString()));

        // A DApp reports its own stage for the same transaction.
        var start = DateTimeOffset.UtcNow.AddSeconds(-30).ToUnixTimeMilliseconds() * 1_000_000;
        var body = new
        {
            resourceSpans = new[]
            {
                new
                {
                    resource = new { attributes = new[] { Attr("nutportal.network.id", fixture.Chain.Id) } },
                    scopeSpans = new[]
                    {
                        new
                        {
                            spans = new object[]
                            {
                                new { name = "wallet prompt", startTimeUnixNano = start.ToString(), endTimeUnixNano = (start + 2_000_000_000).ToString(), attributes = new[] { Attr("eth.transaction.hash", hash) } },
                                new { name = "no hash", startTimeUnixNano = start.ToString(), endTimeUnixNano = start.ToString() },
                            },
                        },
                    },
                },
            },
        };
        var response = await fixture.Client.PostAsJsonAsync("/v1/traces", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var partial = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("partialSuccess");
        Assert.Equal(1, partial.GetProperty("rejectedSpans").GetInt32());
        Assert.Contains("eth.transaction.hash", partial.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        var trace = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{fixture.Chain.Id}/transactions/{hash}/trace");
        var prompt = trace.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "wallet prompt");
        Assert.Equal(2000, prompt.GetProperty("durationMilliseconds").GetDouble());
    }

    [Fact]
    public async Task Ingest_needs_a_token()
    {
        using var anonymous = fixture.Portal.CreateAnonymousClient();
        anonymous.BaseAddress = fixture.Portal.Address;

        var response = await anonymous.PostAsJsonAsync("/v1/traces", new { resourceSpans = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Ingest_refuses_protobuf_and_bodies_without_resource_spans()
    {
        var protobuf = new ByteArrayContent([1, 2, 3]);
        protobuf.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await fixture.Client.PostAsync("/v1/traces", protobuf)).StatusCode);
        var wrong = await fixture.Client.PostAsJsonAsync("/v1/traces", new { spans = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    private static object Attr(string key, string value) => new { key, value = new { stringValue = value } };
}
