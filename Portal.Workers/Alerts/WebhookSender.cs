using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Alerts;
using NutPortal.Core.Outbound;

namespace NutPortal.Workers.Alerts;

/// <summary>The JSON body of a webhook call.</summary>
public sealed record WebhookPayload(long AlertId, long RuleId, string RuleName, string NetworkId, string? NodeId, string Metric, string Comparator,
    double Threshold, double Value, string Severity, string State, DateTime StartedAt, DateTime At);

/// <summary>A webhook that answered no attempt with success.</summary>
public sealed class WebhookDeliveryException(string message) : Exception(message);

/// <summary>
/// Posts one webhook through the guarded outbound client, retrying with doubling waits (<see cref="AlertOptions"/>).
/// An address the guard refuses is not retried: it will not become public by waiting.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, IOptions<AlertOptions> options, ILogger<WebhookSender> logger)
{
    public async Task<string> DeliverAsync(string url, WebhookPayload payload, CancellationToken ct)
    {
        var client = httpClients.CreateClient(OutboundServiceCollectionExtensions.HttpClientName);
        var attempts = options.Value.WebhookAttempts;
        var wait = TimeSpan.FromSeconds(options.Value.WebhookFirstRetrySeconds);
        var last = "";
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                using var response = await client.PostAsJsonAsync(url, payload, ct);
                if (response.IsSuccessStatusCode)
                {
                    return $"Delivered the {payload.State} alert {payload.AlertId} to {url} (attempt {attempt}).";
                }
                last = $"answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex) when (ex.InnerException is OutboundBlockedException || ex is OutboundBlockedException)
            {
                var reason = ex.InnerException?.Message ?? ex.Message;
                logger.LogWarning("Webhook {Url} refused: {Reason}", url, reason);
                return $"Not sent: {reason}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                last = ex.Message;
            }
            logger.LogWarning("Webhook {Url} failed (attempt {Attempt} of {Attempts}): {Error}", url, attempt, attempts, last);
            if (attempt < attempts)
            {
                await Task.Delay(wait, ct);
                wait *= 2;
            }
        }
        throw new WebhookDeliveryException($"Webhook {url} for alert {payload.AlertId} gave up after {attempts} attempts; last: {last}.");
    }
}
