using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NutPortal.Core.Outbound;

namespace NutPortal.Core.Oracle;

/// <summary>What one attempt's HTTP exchange gave: the answer or why there is none, and whether trying again may help.</summary>
public sealed record OracleFetch(int? HttpStatus, byte[] Body, string? Error, bool Transient, long DurationMs);

/// <summary>
/// Makes an oracle request's HTTP(S) call through the SSRF-guarded handler (<see cref="OutboundGuard"/> checks
/// every address at connect time, after DNS resolution). Redirects are followed here, hop by hop, so each new
/// host is checked the same way; only http and https are ever called. The body is read up to a cap and the whole
/// exchange is bounded by the request's timeout.
/// </summary>
public sealed class OracleHttpFetcher(IHttpClientFactory clients, IOptionsMonitor<OracleOptions> options)
{
    public const string HttpClientName = "NutPortal.Oracle";

    public async Task<OracleFetch> FetchAsync(OracleRequest request, CancellationToken ct)
    {
        var limits = options.CurrentValue;
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(request.TimeoutMs);
        var client = clients.CreateClient(HttpClientName);
        var url = new Uri(request.Url);
        var method = new HttpMethod(request.Method);
        var body = request.Body;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                {
                    return Fail($"Refused the '{url.Scheme}:' scheme{(hop > 0 ? " in a redirect" : "")}: only http and https are called.", false);
                }
                using var message = Build(method, url, request.HeadersJson, body);
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= limits.MaxRedirects)
                    {
                        return Fail($"More than {limits.MaxRedirects} redirects.", false, status);
                    }
                    url = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (status == 303 || (status is 301 or 302 && method == HttpMethod.Post))
                    {
                        (method, body) = (HttpMethod.Get, null);
                    }
                    continue;
                }
                var (bytes, tooLarge) = await ReadCappedAsync(response, limits.MaxResponseBytes, timeout.Token);
                if (tooLarge)
                {
                    return Fail($"The answer is larger than Portal:Oracle:MaxResponseBytes ({limits.MaxResponseBytes} bytes).", false, status, bytes);
                }
                if (!response.IsSuccessStatusCode)
                {
                    var transient = status is 408 or 429 or >= 500;
                    return Fail($"HTTP {status} {response.ReasonPhrase}.", transient, status, bytes);
                }
                return new OracleFetch(status, bytes, null, false, Elapsed());
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Fail($"No complete answer within {request.TimeoutMs} ms.", true);
        }
        catch (HttpRequestException ex) when (Blocked(ex) is { } blocked)
        {
            return Fail($"Refused by the outbound guard: {blocked.Message}", false);
        }
        catch (HttpRequestException ex)
        {
            return Fail($"Connection failed: {ex.Message}", true);
        }

        OracleFetch Fail(string error, bool transient, int? status = null, byte[]? bytes = null) =>
            new(status, bytes ?? [], error, transient, Elapsed());

        long Elapsed() => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static HttpRequestMessage Build(HttpMethod method, Uri url, string? headersJson, byte[]? body)
    {
        var message = new HttpRequestMessage(method, url);
        if (body is { Length: > 0 })
        {
            message.Content = new ByteArrayContent(body);
        }
        var headers = headersJson is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(headersJson) ?? [];
        foreach (var (name, value) in headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return message;
    }

    private static async Task<(byte[] Bytes, bool TooLarge)> ReadCappedAsync(HttpResponseMessage response, int cap, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > cap)
        {
            return ([], true);
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return (buffer.ToArray(), true);
            }
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), false);
    }

    private static OutboundBlockedException? Blocked(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is OutboundBlockedException blocked)
            {
                return blocked;
            }
        }
        return null;
    }
}
