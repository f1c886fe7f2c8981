using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Contracts;

public sealed class CompileApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Counter = """
        // SPDX-License-Identifier: MIT
        pragma solidity ^0.8.20;
        contract Counter {
            uint256 public count;
            function increment() external { count += 1; }
        }
        """;

    [Fact]
    public async Task Valid_source_compiles_to_abi_and_bytecode()
    {
        using var client = portal.CreateAdminClient();

        var response = await client.PostAsJsonAsync("/api/v1/contracts/compile", new { source = Counter });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("0.8.", body.GetProperty("compilerVersion").GetString(), StringComparison.Ordinal);
        var contract = Assert.Single(body.GetProperty("contracts").EnumerateArray());
        Assert.Equal("Counter", contract.GetProperty("name").GetString());
        Assert.Contains(contract.GetProperty("abi").EnumerateArray(), e => e.GetProperty("name").GetString() == "increment");
        Assert.StartsWith("0x6080", contract.GetProperty("bytecode").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("0x", contract.GetProperty("deployedBytecode").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(body.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public async Task Invalid_source_reports_an_error_at_its_line_and_column()
    {
        using var client = portal.CreateAdminClient();
        var broken = Counter.Replace("count += 1;", "count += 1", StringComparison.Ordinal);

        var body = await (await client.PostAsJsonAsync("/api/v1/contracts/compile", new { source = broken })).Content.ReadFromJsonAsync<JsonElement>();

        var error = Assert.Single(body.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal(5, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() > 1);
        Assert.Contains("';'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(body.GetProperty("contracts").EnumerateArray());
    }

    [Fact]
    public async Task An_explicit_compiler_version_is_used_and_an_unknown_one_is_a_field_error()
    {
        using var client = portal.CreateAdminClient();
        const string old = "pragma solidity ^0.4.24; contract Old { uint x; function set(uint v) public { x = v; } }";

        var ok = await (await client.PostAsJsonAsync("/api/v1/contracts/compile", new { source = old, compilerVersion = "0.4.25" })).Content.ReadFromJsonAsync<JsonElement>();
        var unknown = await client.PostAsJsonAsync("/api/v1/contracts/compile", new { source = old, compilerVersion = "0.1.0" });

        Assert.Equal("0.4.25", ok.GetProperty("compilerVersion").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("compilerVersion", out _));
    }

    [Fact]
    public async Task A_huge_source_is_refused_with_413_and_a_missing_one_with_400()
    {
        using var client = portal.CreateAdminClient();
        var huge = "pragma solidity ^0.8.20;\n" + new string(' ', 3 * 1024 * 1024) + "contract A {}";

        var tooLarge = await client.PostAsJsonAsync("/api/v1/contracts/compile", new { source = huge });
        var missing = await client.PostAsJsonAsync("/api/v1/contracts/compile", new { source = "" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Every_template_compiles_with_the_bundled_solc()
    {
        using var client = portal.CreateAdminClient();
        var templates = await client.GetFromJsonAsync<JsonElement>("/api/v1/contracts/templates");

        Assert.Equal(9, templates.GetArrayLength());
        foreach (var template in templates.EnumerateArray())
        {
            var body = await (await client.PostAsJsonAsync("/api/v1/contracts/compile", new { source = template.GetProperty("source").GetString() }))
                .Content.ReadFromJsonAsync<JsonElement>();
            var errors = body.GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("severity").GetString() == "error").ToList();
            Assert.True(errors.Count == 0, $"{template.GetProperty("id")}: {string.Join("; ", errors)}");
            Assert.Contains(body.GetProperty("contracts").EnumerateArray(), c => c.GetProperty("name").GetString() == template.GetProperty("mainContract").GetString());
            Assert.False(string.IsNullOrWhiteSpace(template.GetProperty("description").GetString()));
        }
    }

    [Fact]
    public async Task The_iot_template_keeps_readings_in_a_separate_data_contract()
    {
        using var client = portal.CreateAdminClient();
        var iot = (await client.GetFromJsonAsync<JsonElement>("/api/v1/contracts/templates")).EnumerateArray().Single(t => t.GetProperty("id").GetString() == "iot");

        var body = await (await client.PostAsJsonAsync("/api/v1/contracts/compile", new { source = iot.GetProperty("source").GetString() })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["DeviceData", "DeviceRegistry"], body.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
    }
}
