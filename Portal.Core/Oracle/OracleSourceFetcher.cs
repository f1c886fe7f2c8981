using System.Diagnostics;
using System.Text.Json;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Oracle;

/// <summary>
/// Reads a request's network source through the portal's own chain reads (the same as the read API), so a contract
/// on one chain reads another. The answer is JSON the request's selector, result type or mapping applies to:
/// a balance <c>{networkId, address, height, asset, assetId, amount, units, decimals}</c>, a call
/// <c>{networkId, height, values, raw, gasConsumed}</c>. No HTTP leaves the portal, so no outbound guard is involved.
/// </summary>
public sealed class OracleSourceFetcher(ChainReader reader)
{
    public async Task<OracleFetch> FetchAsync(OracleRequest request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var (source, parseError) = OracleNetworkSource.Parse(request.Url);
        if (source is null)
        {
            return Answer(null, "Invalid request: " + parseError, false);
        }
        try
        {
            object body;
            if (source.IsBalance)
            {
                var read = await reader.BalancesAsync(source.NetworkId, source.Address!, source.Asset, ct);
                var b = read.Balances[0];
                body = new { networkId = source.NetworkId, address = read.Address, height = read.Height, asset = b.Asset, assetId = b.AssetId, amount = b.Amount, units = b.Units, decimals = b.Decimals };
            }
            else
            {
                var call = await reader.CallAsync(source.NetworkId, new ChainCall(source.Contract!, source.Method!, source.Args()), ct);
                body = new { networkId = source.NetworkId, height = call.Height, values = call.Values, raw = call.Raw, gasConsumed = call.GasConsumed };
            }
            return Answer(JsonSerializer.SerializeToUtf8Bytes(body), null, false);
        }
        catch (ChainReadException ex)
        {
            // Input the chain does not take is the request's fault (refused, like an invalid request); a node that
            // is down or garbled may answer on a later attempt.
            return ex.Failure switch
            {
                ChainReadFailure.InvalidInput or ChainReadFailure.Unsupported =>
                    Answer(null, $"Invalid request: {(ex.Field is { } f ? $"network_source {f}: " : "")}{ex.Message}", false),
                ChainReadFailure.CallFailed => Answer(null, $"Reading network '{source.NetworkId}' failed: {ex.Message}", false),
                _ => Answer(null, $"Reading network '{source.NetworkId}' failed: {ex.Message}", true),
            };
        }

        OracleFetch Answer(byte[]? body, string? error, bool transient) =>
            new(null, body ?? [], error, transient, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
