using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Alerts;
using NutPortal.Core.Outbound;

namespace NutPortal.Workers.Alerts;

/// <summary>The JSON body of a webhook call.</summary>
public sealed record WebhookPayload(long AlertId, long RuleId, string RuleName, string NetworkId, string? NodeId, string Metric, string Comparator,
    double Threshold, double Value, string Severity, string State, DateTime StartedAt, DateTime At);

/// <summary>
/// Delivers webhooks off the evaluation path: a bounded queue (when full, the oldest waiting delivery is dropped
/// and logged), up to four deliveries at once, each retried with doubling waits, through the guarded client.
/// </summary>
public sealed class WebhookDispatcher(IHttpClientFactory httpClients, IOptions<AlertOptions> options, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly Channel<(string Url, WebhookPayload Payload)> _queue = Channel.CreateBounded<(string, WebhookPayload)>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest },
        dropped => logger.LogWarning("Webhook queue full: dropped the delivery of alert {Alert} to {Url}", dropped.Item2.AlertId, dropped.Item1));

    private readonly SemaphoreSlim _parallel = new(4);

    public void Enqueue(AlertRule rule, Alert alert, AlertState state, DateTime at)
    {
        var payload = new WebhookPayload(alert.Id, rule.Id, rule.Name, rule.NetworkId, alert.NodeId, rule.Metric, rule.Comparator, rule.Threshold,
            alert.Value, rule.Severity.ToString().ToLowerInvariant(), state.ToString().ToLowerInvariant(), alert.StartedAt, at);
        foreach (var channel in AlertRuleService.Channels(rule).Where(c => c.Type == "webhook"))
        {
            _queue.Writer.TryWrite((channel.Url, payload));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await _parallel.WaitAsync(stoppingToken);
            _ = Task.Run(async () =>
            {
                try
                {
                    await DeliverAsync(delivery.Url, delivery.Payload, stoppingToken);
                }
                finally
                {
                    _parallel.Release();
                }
            }, CancellationToken.None);
        }
    }

    private async Task DeliverAsync(string url, WebhookPayload payload, CancellationToken ct)
    {
        var client = httpClients.CreateClient(OutboundServiceCollectionExtensions.HttpClientName);
        var wait = TimeSpan.FromSeconds(options.Value.WebhookFirstRetrySeconds);
        for (var attempt = 1; attempt <= options.Value.WebhookAttempts; attempt++)
        {
            try
            {
                using var response = await client.PostAsJsonAsync(url, payload, ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                logger.LogWarning("Webhook {Url} answered {Status} (attempt {Attempt})", url, (int)response.StatusCode, attempt);
            }
            catch (HttpRequestException ex) when (ex.InnerException is OutboundBlockedException || ex is OutboundBlockedException)
            {
                logger.LogWarning("Webhook {Url} refused: {Reason}", url, ex.InnerException?.Message ?? ex.Message);
                return; // the address will not become public by retrying
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                logger.LogWarning("Webhook {Url} failed (attempt {Attempt}): {Error}", url, attempt, ex.Message);
            }
            if (attempt < options.Value.WebhookAttempts)
            {
                await Task.Delay(wait, ct);
                wait *= 2;
            }
        }
        logger.LogError("Webhook {Url} for alert {Alert} gave up after {Attempts} attempts", url, payload.AlertId, options.Value.WebhookAttempts);
    }

    public override void Dispose()
    {
        _parallel.Dispose();
        base.Dispose();
    }
}
