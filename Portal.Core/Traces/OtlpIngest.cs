using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Explorer;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Traces;

/// <summary>What an OTLP ingest kept and why it refused the rest (OTLP's partial success).</summary>
public sealed record OtlpIngestResult(int Accepted, int Rejected, string? FirstError);

/// <summary>
/// Takes OTLP/JSON spans from outside the portal (a DApp reporting its own stages, such as a wallet prompt)
/// and stores those that name a network and a transaction (attributes nutportal.network.id and
/// eth.transaction.hash, on the span or its resource) as stages of that transaction's trace.
/// </summary>
public sealed class OtlpIngest(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int MaxSpans = 10_000;

    public Task<OtlpIngestResult> IngestAsync(JsonElement body, CancellationToken ct = default) => IngestAsync(body, Organizations.Caller.System, ct);

    /// <summary>Stores the spans that name a network the caller may see; the others are rejected as if it did not exist.</summary>
    public async Task<OtlpIngestResult> IngestAsync(JsonElement body, Organizations.Caller caller, CancellationToken ct = default)
    {
        var spans = new List<TraceSpan>();
        var rejected = 0;
        string? firstError = null;
        void Reject(string why)
        {
            rejected++;
            firstError ??= why;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var networks = (await Organizations.OrganizationAccess.Visible(db, db.Networks, caller).Select(n => n.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in Array(body, "resourceSpans"))
        {
            var resourceAttributes = resource.TryGetProperty("resource", out var r) ? Attributes(r) : [];
            foreach (var span in Array(resource, "scopeSpans").SelectMany(s => Array(s, "spans")))
            {
                if (spans.Count + rejected >= MaxSpans)
                {
                    Reject($"At most {MaxSpans} spans per request.");
                    continue;
                }
                var attributes = new Dictionary<string, string>(resourceAttributes, StringComparer.Ordinal);
                foreach (var (key, value) in Attributes(span))
                {
                    attributes[key] = value;
                }
                var network = attributes.GetValueOrDefault(OtlpExport.NetworkAttribute);
                var hash = attributes.GetValueOrDefault(OtlpExport.TransactionAttribute);
                var name = span.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                if (network is null || !networks.Contains(network))
                {
                    Reject($"Span '{name}': attribute {OtlpExport.NetworkAttribute} must name an existing network.");
                }
                else if (!ExplorerSearch.IsHex(hash, 32))
                {
                    Reject($"Span '{name}': attribute {OtlpExport.TransactionAttribute} must be a 0x hash of 64 hex digits.");
                }
                else if (name.Length is 0 or > 32)
                {
                    Reject("A span name (the stage) is 1 to 32 characters.");
                }
                else if (Time(span, "startTimeUnixNano") is not { } start || Time(span, "endTimeUnixNano") is not { } end || end < start)
                {
                    Reject($"Span '{name}': start and end times are required and the end may not precede the start.");
                }
                else
                {
                    spans.Add(new TraceSpan { NetworkId = network, TransactionHash = hash!.ToLowerInvariant(), Stage = name, StartedAt = start, EndedAt = end });
                }
            }
        }
        db.TraceSpans.AddRange(spans);
        await db.SaveChangesAsync(ct);
        return new OtlpIngestResult(spans.Count, rejected, firstError);
    }

    private static JsonElement[] Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray()] : [];

    private static Dictionary<string, string> Attributes(JsonElement owner) =>
        Array(owner, "attributes")
            .Where(a => a.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String && a.TryGetProperty("value", out var v)
                && v.ValueKind == JsonValueKind.Object && v.TryGetProperty("stringValue", out var s) && s.ValueKind == JsonValueKind.String)
            .GroupBy(a => a.GetProperty("key").GetString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().GetProperty("value").GetProperty("stringValue").GetString()!, StringComparer.Ordinal);

    private static DateTime? Time(JsonElement span, string name)
    {
        if (!span.TryGetProperty(name, out var value))
        {
            return null;
        }
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null;
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var nanos) && nanos / 100 <= (ulong)(DateTime.MaxValue - DateTime.UnixEpoch).Ticks
            ? DateTime.UnixEpoch.AddTicks((long)(nanos / 100))
            : null;
    }
}
