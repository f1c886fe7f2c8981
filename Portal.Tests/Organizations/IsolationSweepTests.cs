using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Tests.Contracts.Testing;
using NutPortal.Tests.IdentityChain;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;

namespace NutPortal.Tests.Organizations;

/// <summary>
/// Every API route that names something an organization owns, swept from the portal's own endpoint list: a member of
/// another organization who sends another organization's id (or its own parent with another's child) gets exactly the
/// answer an id that does not exist gets, and never a success. A route with a parameter this test cannot fill fails it,
/// so a new endpoint is covered the day it is added.
/// </summary>
public sealed class IsolationSweepTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Parameters that are values, not things someone owns: the same in every variant of a request.</summary>
    private static readonly Dictionary<string, string> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["number"] = "1", ["address"] = "0x000000000000000000000000000000000000dEaD", ["hash"] = "0x" + new string('a', 64),
        ["txid"] = new string('a', 64), ["block"] = "1", ["numberOrHash"] = "1", ["metric"] = "tps", ["operation"] = "stop",
        ["action"] = "revoke",
    };

    /// <summary>Routes left out, each with the reason.</summary>
    private static readonly (string Prefix, string Why)[] Exempt =
    [
        ("/api/v1/community/", "threads, replies and reviews are shared by all signed-in users; their owners' rights are tested in Community/*"),
        ("/api/v1/invitations/{secret}", "an invitation's secret is the right to use it"),
        ("/api/v1/consortium-invitations/", "addressed to one organization; ConsortiumModeTests accepts and refuses them"),
        ("/api/v1/join-requests/", "answered by the consortium's operator; ConsortiumModeTests covers them"),
        ("/api/v1/jobs/", "Admins only (the background jobs of the whole portal)"),
        ("/api/v1/oracle/schedules/", "schedules are made over gRPC; OracleOrganizationTests covers another organization's"),
    ];

    private const string Source = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\ncontract Counter { uint256 public n; function inc() external { n += 1; } }\n";

    [Fact]
    public async Task Another_organizations_ids_get_the_answer_of_ids_that_do_not_exist_on_every_route()
    {
        var orgA = await Tenants.CreateOrganizationAsync(portal, $"Sweep A {Guid.NewGuid():N}"[..20]);
        var orgB = await Tenants.CreateOrganizationAsync(portal, $"Sweep B {Guid.NewGuid():N}"[..20]);
        using var ownerA = await Tenants.UserAsync(portal, orgA, "Owner");
        using var outsider = await Tenants.UserAsync(portal, orgB, "Owner");
        var theirs = await ResourcesAsync(ownerA, orgA, firstOfKind: true);
        var ours = await ResourcesAsync(outsider, orgB, firstOfKind: false);

        var routes = ApiRoutes().ToList();
        var unknown = routes.Where(r => r.Pattern.Parameters.Any(p => KindOf(r.Pattern, p) is null && !Values.ContainsKey(p.Name)))
            .Select(r => r.Text).Distinct().ToList();
        Assert.True(unknown.Count == 0, "Routes with parameters this sweep cannot fill (add them to the sweep or to Exempt with a reason):\n" + string.Join("\n", unknown));

        var leaks = new List<string>();
        var checkedRoutes = 0;
        foreach (var route in routes.Where(r => r.Pattern.Parameters.Any(p => KindOf(r.Pattern, p) is not null)))
        {
            checkedRoutes++;
            var missing = await SendAsync(outsider.Client, route, _ => "missing");
            var foreign = await SendAsync(outsider.Client, route, kind => theirs[kind]);
            if (foreign != missing || (int)foreign is >= 200 and < 300)
            {
                leaks.Add($"{route.Method} {route.Text}: another organization's ids answer {(int)foreign}, ids that do not exist {(int)missing}");
            }
            // Our own parent with their child: the child must be checked against the parent, not only the parent against us.
            var kinds = route.Pattern.Parameters.Select(p => KindOf(route.Pattern, p)).OfType<string>().ToList();
            if (kinds.Count >= 2 && ours.ContainsKey(kinds[0]))
            {
                var mixedMissing = await SendAsync(outsider.Client, route, kind => kind == kinds[0] ? ours[kind] : "missing");
                var mixed = await SendAsync(outsider.Client, route, kind => kind == kinds[0] ? ours[kind] : theirs[kind]);
                if (mixed != mixedMissing || (int)mixed is >= 200 and < 300)
                {
                    leaks.Add($"{route.Method} {route.Text} under our own {kinds[0]}: their {string.Join(", ", kinds.Skip(1))} answer {(int)mixed}, ones that do not exist {(int)mixedMissing}");
                }
            }
        }
        Assert.True(checkedRoutes > 100, $"Only {checkedRoutes} routes were swept; the endpoint list was not read.");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));

        // The owner still reads its own things (the ids are real).
        Assert.Equal(HttpStatusCode.OK, (await ownerA.Client.GetAsync($"/api/v1/networks/{theirs["network"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerA.Client.GetAsync($"/api/v1/wallets/{theirs["wallet"]}")).StatusCode);
    }

    private sealed record Route(string Method, string Text, RoutePattern Pattern);

    private IEnumerable<Route> ApiRoutes() =>
        portal.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } text && (text.StartsWith("/api/v1/", StringComparison.Ordinal) || text.StartsWith("/rpc/", StringComparison.Ordinal))
                && !Exempt.Any(x => text.StartsWith(x.Prefix, StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != "HEAD").Select(m => new Route(m, e.RoutePattern.RawText!, e.RoutePattern)))
            .DistinctBy(r => (r.Method, r.Text));

    /// <summary>What a route parameter names: the collection before it decides for "id".</summary>
    private static string? KindOf(RoutePattern pattern, RoutePatternParameterPart parameter)
    {
        switch (parameter.Name)
        {
            case "networkId" or "consortiumId":
                return "network";
            case "nodeId":
                return "node";
            case "projectId":
                return "project";
            case "suiteId":
                return "suite";
            case "runId":
                return "run";
            case "identityId":
                return "identity";
            case "organizationId":
                return "organization";
            case "userId":
                return "user";
            case not ("id" or "Id"):
                return null;
        }
        var segments = pattern.PathSegments.Select(s => s.Parts.Count == 1 ? s.Parts[0] : null).ToList();
        var at = segments.FindIndex(p => p is RoutePatternParameterPart q && q.Name == parameter.Name);
        var collection = at > 0 && segments[at - 1] is RoutePatternLiteralPart literal ? literal.Content : null;
        return collection switch
        {
            "networks" => "network",
            "contracts" => "project",
            "alert-rules" => "rule",
            "alerts" => "alert",
            "scans" => "scan",
            "workloads" => "workload",
            "identity-chains" => "chain",
            "dapps" => "dapp",
            "wallets" => "wallet",
            "requests" => "oracle-request",
            "tokens" => "token",
            "users" => "user",
            _ => null,
        };
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, Route route, Func<string, string> id)
    {
        var path = new StringBuilder();
        foreach (var segment in route.Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart parameter when KindOf(route.Pattern, parameter) is { } kind => Uri.EscapeDataString(Shape(parameter, id(kind))),
                    RoutePatternParameterPart parameter => Values[parameter.Name],
                    _ => "",
                });
            }
        }
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path.ToString());
        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>"missing" in the shape the route's constraint accepts, so the request reaches the endpoint.</summary>
    private static string Shape(RoutePatternParameterPart parameter, string value) =>
        value != "missing" ? value
        : parameter.ParameterPolicies.Any(p => p.Content == "long") ? "987654321"
        : parameter.ParameterPolicies.Any(p => p.Content == "guid") ? Guid.NewGuid().ToString()
        : "0000deadbeef";

    /// <summary>One of each thing an organization owns, made through the API by its Owner.</summary>
    private static async Task<Dictionary<string, string>> ResourcesAsync(TenantUser owner, string organizationId, bool firstOfKind)
    {
        var client = owner.Client;
        var ids = new Dictionary<string, string> { ["organization"] = organizationId, ["user"] = owner.Id };
        var network = await NetworkApi.CreateAsync(client, new { name = "sweep", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1 } });
        ids["network"] = network.GetProperty("id").GetString()!;
        ids["node"] = NetworkApi.Node(network).GetProperty("id").GetString()!;
        await NetworkApi.WaitForAsync(client, ids["network"], n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(90), "the network to run");
        ids["project"] = await TestSuiteApi.CreateProjectAsync(client, Source);
        ids["wallet"] = Id(await Json(await client.PostAsJsonAsync("/api/v1/wallets", new { name = "sweep" })));
        ids["chain"] = Id(await Json(await IdentityChainApi.UploadAsync(client, IdentityChainApi.Profile("secp256k1"))));
        if (!firstOfKind)
        {
            return ids; // the outsider needs only parents of its own
        }
        ids["suite"] = await TestSuiteApi.CreateSuiteAsync(client, ids["project"], new object[] { new { type = "advanceTime", seconds = 1 } });
        ids["run"] = Id(await Json(await client.PostAsync($"/api/v1/contracts/{ids["project"]}/test-suites/{ids["suite"]}/runs", null)));
        ids["scan"] = Id(await Json(await client.PostAsync($"/api/v1/contracts/{ids["project"]}/versions/1/scans", null)));
        ids["workload"] = Id(await Json(await client.PostAsJsonAsync($"/api/v1/networks/{ids["network"]}/workloads", new { kind = "transfer", ratePerSecond = 1, durationSeconds = 1 })));
        ids["rule"] = Id(await Json(await client.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "sweep", networkId = ids["network"], metric = "secondsSinceLastBlock", comparator = ">", threshold = -1, forSeconds = 0, severity = "info",
        })));
        ids["dapp"] = Id(await Json(await client.PostAsJsonAsync("/api/v1/dapps", new
        {
            name = $"Sweep {Guid.NewGuid():N}"[..16], summary = "sweep", category = "Tools", networkId = ids["network"], contracts = Array.Empty<string>(),
        })));
        ids["token"] = Id(await Json(await client.PostAsJsonAsync("/api/v1/tokens", new { name = "sweep" })));
        ids["oracle-request"] = Id(await Json(await client.PostAsJsonAsync("/api/v1/oracle/requests", new
        {
            networkId = ids["network"], url = "https://example.com/price", selector = "price", resultType = "string",
        })));
        (await Json(await client.PostAsJsonAsync($"/api/v1/identity-chains/{ids["chain"]}/deploy", new { networkId = ids["network"] }))).ToString();
        using var key = IdentityKey.For("secp256k1");
        ids["identity"] = Id(await IdentityChainApi.RegisterAsync(client, ids["chain"], key));
        ids["alert"] = await AlertAsync(client, ids["rule"]);
        return ids;
    }

    /// <summary>Waits for the always-true rule to raise its alert.</summary>
    private static async Task<string> AlertAsync(HttpClient client, string ruleId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var alerts = await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts");
            if (alerts.EnumerateArray().FirstOrDefault(a => a.GetProperty("ruleId").ToString() == ruleId) is { ValueKind: JsonValueKind.Object } alert)
            {
                return alert.GetProperty("id").ToString();
            }
            Assert.True(DateTime.UtcNow < deadline, "The always-true rule raised no alert in 90 s.");
            await Task.Delay(500);
        }
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Id(JsonElement element) => element.GetProperty("id").ToString();
}
