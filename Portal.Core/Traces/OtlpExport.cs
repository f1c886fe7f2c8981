using System.Globalization;
using System.Text.Json.Nodes;

namespace NutPortal.Core.Traces;

/// <summary>
/// A transaction trace as OTLP/JSON (the body of an OTLP/HTTP export): one trace whose id is the first 16
/// bytes of the transaction hash, a root span over the whole life and one child span per finished stage.
/// </summary>
public static class OtlpExport
{
    public const string NetworkAttribute = "nutportal.network.id";
    public const string TransactionAttribute = "eth.transaction.hash";

    public static JsonObject ToOtlp(TransactionTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var hex = trace.Hash.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? trace.Hash[2..] : trace.Hash; // Litecoin ids have no 0x
        var traceId = hex[..32];
        var rootId = hex[^16..];
        var finished = trace.Stages.Where(s => s.End is not null).ToList();
        var spans = new JsonArray();
        if (finished.Count > 0)
        {
            spans.Add(Span(traceId, rootId, null, "transaction", finished.Min(s => s.Start), finished.Max(s => s.End!.Value), trace,
                trace.Succeeded == false ? 2 : 0));
        }
        for (var i = 0; i < finished.Count; i++)
        {
            var stage = finished[i];
            var span = Span(traceId, $"{i + 1:x4}{hex[..12]}", rootId, stage.Stage, stage.Start, stage.End!.Value, trace, 0);
            ((JsonArray)span["attributes"]!).Add(Attribute("nutportal.stage.detail", stage.Detail));
            if (stage.Node is { } node)
            {
                ((JsonArray)span["attributes"]!).Add(Attribute("nutportal.node", node));
            }
            spans.Add(span);
        }
        return new JsonObject
        {
            ["resourceSpans"] = new JsonArray(new JsonObject
            {
                ["resource"] = new JsonObject { ["attributes"] = new JsonArray(Attribute("service.name", "nutportal")) },
                ["scopeSpans"] = new JsonArray(new JsonObject
                {
                    ["scope"] = new JsonObject { ["name"] = "NutPortal.Traces" },
                    ["spans"] = spans,
                }),
            }),
        };
    }

    private static JsonObject Span(string traceId, string spanId, string? parent, string name, DateTime start, DateTime end, TransactionTrace trace, int status)
    {
        var span = new JsonObject
        {
            ["traceId"] = traceId,
            ["spanId"] = spanId,
            ["name"] = name,
            ["kind"] = 1,
            ["startTimeUnixNano"] = Nanos(start),
            ["endTimeUnixNano"] = Nanos(end),
            ["attributes"] = new JsonArray(Attribute(NetworkAttribute, trace.NetworkId), Attribute(TransactionAttribute, trace.Hash),
                Attribute("eth.block.number", trace.BlockNumber.ToString(CultureInfo.InvariantCulture))),
            ["status"] = new JsonObject { ["code"] = status },
        };
        if (parent is not null)
        {
            span["parentSpanId"] = parent;
        }
        return span;
    }

    public static JsonObject Attribute(string key, string value) => new() { ["key"] = key, ["value"] = new JsonObject { ["stringValue"] = value } };

    /// <summary>OTLP/JSON writes 64-bit integers as decimal strings.</summary>
    public static string Nanos(DateTime utc) =>
        ((utc - DateTime.UnixEpoch).Ticks * 100).ToString(CultureInfo.InvariantCulture);
}
