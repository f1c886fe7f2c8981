using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using NutPortal.Core.Monitoring;

namespace NutPortal.Web.Bench;

/// <summary>
/// One dashboard's worth of hub client for <c>bench push</c>, on the SignalR .NET client: WebSockets, JoinNetwork,
/// then it stamps the arrival of every "metrics" message by the sequence number the bench puts in its tps value.
/// </summary>
internal sealed class HubMetricsClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private HubMetricsClient(HubConnection connection, int updates)
    {
        _connection = connection;
        Received = new long[updates];
    }

    /// <summary>Stopwatch timestamp of arrival per update sequence number; 0 while not received.</summary>
    public long[] Received { get; }

    public static async Task<HubMetricsClient> ConnectAsync(Uri portal, string token, string networkId, int updates, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(portal, "hubs/live"), HttpTransportType.WebSockets, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var client = new HubMetricsClient(connection, updates);
        connection.On<MetricsSampled>("metrics", client.OnMetrics);
        try
        {
            await connection.StartAsync(ct);
            await connection.InvokeAsync("JoinNetwork", networkId, ct);
            return client;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private void OnMetrics(MetricsSampled sampled)
    {
        var arrived = Stopwatch.GetTimestamp();
        var sequence = (int)sampled.Points[0].Value;
        if (sequence >= 0 && sequence < Received.Length)
        {
            Received[sequence] = arrived;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
