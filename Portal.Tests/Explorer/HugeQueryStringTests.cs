using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Explorer;

/// <summary>A multi-megabyte search query over a real socket (HttpClient's Uri cannot even hold one).</summary>
public sealed class HugeQueryStringTests
{
    [Fact]
    public async Task A_10_MB_search_query_gets_a_414_problem_naming_the_limit_and_the_portal_stays_healthy()
    {
        using var portal = new RealServerPortalFactory();
        var address = portal.Address;

        var (status, contentType, body) = await RawGetAsync(address, $"/api/v1/networks/any/search?q={new string('9', 10 * 1024 * 1024)}");

        Assert.Equal(414, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(414, problem.GetProperty("status").GetInt32());
        Assert.Contains("the limit is 8192 characters", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", portal.BootstrapToken);
        // A normal search still goes through: past the limit check, the unknown network is reported as usual.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/networks/any/search?q=1")).StatusCode);
    }

    /// <summary>One HTTP/1.1 GET written by hand; returns the status, content type and body.</summary>
    private static async Task<(int Status, string ContentType, string Body)> RawGetAsync(Uri server, string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var headerEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(headerEnd > 0, $"no HTTP response came back: '{response[..Math.Min(200, response.Length)]}'");
        var lines = response[..headerEnd].Split("\r\n");
        var contentType = lines.FirstOrDefault(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?[13..].Trim() ?? "";
        var body = response[(headerEnd + 4)..];
        if (lines.Any(l => l.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = Unchunk(body);
        }
        return (int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), contentType, body);
    }

    private static string Unchunk(string chunked)
    {
        var result = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd].Split(';')[0], 16);
            if (size == 0)
            {
                return result.ToString();
            }
            result.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
