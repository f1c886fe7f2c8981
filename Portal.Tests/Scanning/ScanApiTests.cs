using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Scanning;

public sealed class ScanApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_scan_runs_in_the_background_and_reports_findings()
    {
        using var client = portal.CreateAdminClient();
        const string source = "pragma solidity ^0.4.24;\ncontract W {\n  function pay(address to) public {\n    to.send(1);\n  }\n}\n";

        var created = await client.PostAsJsonAsync("/api/v1/scans", new { source });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var scan = await WaitForAsync(client, id!);

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Assert.Equal("completed", scan.GetProperty("status").GetString());
        var finding = Assert.Single(scan.GetProperty("findings").EnumerateArray(), f => f.GetProperty("category").GetString() == "unchecked_low_level_calls");
        Assert.Equal(4, finding.GetProperty("line").GetInt32());
        foreach (var field in new[] { "severity", "title", "detector", "confidence" })
        {
            Assert.False(string.IsNullOrEmpty(finding.GetProperty(field).GetString()), field);
        }
    }

    [Fact]
    public async Task Files_sent_together_are_scanned_together_each_finding_and_ranked_function_naming_its_file()
    {
        using var client = portal.CreateAdminClient();
        var sources = new Dictionary<string, string>
        {
            ["lib/Pay.sol"] = "pragma solidity ^0.4.24;\ncontract Pay {\n  function pay(address to) public {\n    to.send(1);\n  }\n}\n",
            ["Shop.sol"] = "pragma solidity ^0.4.24;\nimport \"./lib/Pay.sol\";\ncontract Shop is Pay {\n  function refund(address to) public {\n    pay(to);\n  }\n}\n",
        };

        var created = await client.PostAsJsonAsync("/api/v1/scans", new { sources });
        var scan = await WaitForAsync(client, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);

        Assert.Equal("completed", scan.GetProperty("status").GetString());
        Assert.Equal(["Shop.sol", "lib/Pay.sol"], scan.GetProperty("files").EnumerateArray().Select(f => f.GetString()!));
        var send = Assert.Single(scan.GetProperty("findings").EnumerateArray(), f => f.GetProperty("category").GetString() == "unchecked_low_level_calls");
        Assert.Equal("lib/Pay.sol", send.GetProperty("file").GetString());
        Assert.Equal(4, send.GetProperty("line").GetInt32());
        var risks = scan.GetProperty("risks").EnumerateArray().ToList();
        Assert.Contains(risks, r => r.GetProperty("function").GetString() == "refund" && r.GetProperty("file").GetString() == "Shop.sol");
        Assert.Contains(risks, r => r.GetProperty("function").GetString() == "pay" && r.GetProperty("file").GetString() == "lib/Pay.sol");

        // Scanned alone, the importing file cannot compile: the error names the missing import.
        var alone = await client.PostAsJsonAsync("/api/v1/scans", new { source = sources["Shop.sol"] });
        var failed = await WaitForAsync(client, (await alone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("lib/Pay.sol", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scan_request_takes_source_or_sources_but_not_both_and_at_most_twenty_files()
    {
        using var client = portal.CreateAdminClient();
        var both = await client.PostAsJsonAsync("/api/v1/scans", new { source = "contract A {}", sources = new Dictionary<string, string> { ["A.sol"] = "contract A {}" } });
        var many = await client.PostAsJsonAsync("/api/v1/scans", new { sources = Enumerable.Range(0, 21).ToDictionary(i => $"F{i}.sol", i => $"contract F{i} {{}}") });
        var empty = await client.PostAsJsonAsync("/api/v1/scans", new { sources = new Dictionary<string, string> { ["A.sol"] = "contract A {}", ["B.sol"] = " " } });

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Contains("21", await many.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("B.sol", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_learned_model_ranks_a_function_paying_out_before_its_bookkeeping_above_a_getter()
    {
        using var client = portal.CreateAdminClient();
        const string source = """
            pragma solidity ^0.4.24;
            contract Bank {
                mapping(address => uint) public credit;
                uint public deposits;
                function total() public view returns (uint) { return deposits; }
                function withdraw(uint amount) public {
                    require(credit[msg.sender] >= amount);
                    msg.sender.call.value(amount)();
                    credit[msg.sender] -= amount;
                }
            }
            """;

        var created = await client.PostAsJsonAsync("/api/v1/scans", new { source });
        var scan = await WaitForAsync(client, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);

        var risks = scan.GetProperty("risks").EnumerateArray().ToList();
        var functions = risks.Select(r => r.GetProperty("function").GetString()).ToList();
        Assert.Equal(functions.Distinct().Count(), functions.Count);
        Assert.True(functions.IndexOf("withdraw") is >= 0 and var w && w < functions.IndexOf("total"), string.Join(", ", functions));
        var probabilities = risks.Select(r => r.GetProperty("probability").GetDouble()).ToList();
        Assert.Equal(probabilities.OrderByDescending(p => p), probabilities);
        Assert.InRange(probabilities[0], 0.0, 1.0);
    }

    [Fact]
    public async Task A_scan_of_broken_source_fails_with_the_reason_and_unknown_scans_are_404()
    {
        using var client = portal.CreateAdminClient();

        var id = (await (await client.PostAsJsonAsync("/api/v1/scans", new { source = "contract {" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var scan = await WaitForAsync(client, id!);

        Assert.Equal("failed", scan.GetProperty("status").GetString());
        Assert.Contains("does not compile", scan.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/scans/unknown")).StatusCode);
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var scan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/scans/{id}");
            if (scan.GetProperty("status").GetString() is "completed" or "failed" || DateTime.UtcNow > deadline)
            {
                return scan;
            }
            await Task.Delay(100);
        }
    }
}
