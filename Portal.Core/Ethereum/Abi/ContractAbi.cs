using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;

namespace NutPortal.Core.Ethereum.Abi;

/// <summary>A contract's ABI parsed from its JSON description.</summary>
public sealed class ContractAbi
{
    private ContractAbi(List<AbiFunction> functions, List<AbiEvent> events, List<AbiError> errors, AbiConstructor? constructor, bool fallback, bool receive)
    {
        Functions = functions;
        Events = events;
        Errors = errors;
        Constructor = constructor;
        HasFallback = fallback;
        HasReceive = receive;
    }

    public IReadOnlyList<AbiFunction> Functions { get; }

    public IReadOnlyList<AbiEvent> Events { get; }

    public IReadOnlyList<AbiError> Errors { get; }

    /// <summary>The constructor; null when the ABI declares none (deployment then takes no arguments).</summary>
    public AbiConstructor? Constructor { get; }

    public bool HasFallback { get; }

    public bool HasReceive { get; }

    // Pages, the explorer and the test runner parse the same few stored ABIs over and over; a ContractAbi is
    // immutable, so each distinct ABI text is parsed once (bounded; malformed ones are not kept).
    private static readonly MemoryCache Parsed = new(new MemoryCacheOptions { SizeLimit = 512 });

    /// <summary>Parses ABI JSON (an array of entries), once per distinct text; throws <see cref="AbiException"/> when malformed.</summary>
    public static ContractAbi Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parsed.GetOrCreate(json, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return ParseUncached(json);
        })!;
    }

    private static ContractAbi ParseUncached(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new AbiException("ABI JSON must be an array.");
            }
            var functions = new List<AbiFunction>();
            var events = new List<AbiEvent>();
            var errors = new List<AbiError>();
            AbiConstructor? constructor = null;
            bool fallback = false, receive = false;
            foreach (var entry in doc.RootElement.EnumerateArray())
            {
                var kind = Str(entry, "type") ?? "function";
                var inputs = Params(entry, "inputs");
                switch (kind)
                {
                    case "function":
                        functions.Add(new AbiFunction(Name(entry), inputs, Params(entry, "outputs"), Mutability(entry)));
                        break;
                    case "event":
                        events.Add(new AbiEvent(Name(entry), inputs, entry.TryGetProperty("anonymous", out var a) && a.ValueKind == JsonValueKind.True));
                        break;
                    case "error":
                        errors.Add(new AbiError(Name(entry), inputs));
                        break;
                    case "constructor":
                        constructor = new AbiConstructor(inputs, Mutability(entry));
                        break;
                    case "fallback":
                        fallback = true;
                        break;
                    case "receive":
                        receive = true;
                        break;
                    default:
                        throw new AbiException($"Unknown ABI entry type '{kind}'.");
                }
            }
            return new ContractAbi(functions, events, errors, constructor, fallback, receive);
        }
        catch (JsonException e)
        {
            throw new AbiException($"Invalid ABI JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new AbiException($"Invalid ABI JSON shape: {e.Message}", e);
        }
    }

    /// <summary>The function with this name (if not overloaded) or this exact signature or 0x selector.</summary>
    public AbiFunction GetFunction(string nameOrSignature) => Find(Functions, nameOrSignature, f => f.Selector, "function");

    public AbiEvent GetEvent(string nameOrSignature) => Find(Events, nameOrSignature, e => e.Topic, "event");

    public AbiError GetError(string nameOrSignature) => Find(Errors, nameOrSignature, e => e.Selector, "error");

    /// <summary>Finds the function whose selector starts the calldata, or null.</summary>
    public AbiFunction? FindFunctionBySelector(ReadOnlySpan<byte> calldata)
    {
        foreach (var f in Functions)
        {
            if (calldata.Length >= 4 && calldata[..4].SequenceEqual(f.Selector))
            {
                return f;
            }
        }
        return null;
    }

    /// <summary>Decodes a log with the non-anonymous event matching topic0; null when no event matches.</summary>
    public DecodedLog? DecodeLog(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var ev = topics.Count == 0 ? null : Events.FirstOrDefault(e => !e.Anonymous && e.Topic.AsSpan().SequenceEqual(topics[0])
            && e.Inputs.Count(p => p.Indexed) == topics.Count - 1);
        return ev is null ? null : new DecodedLog(ev, ev.DecodeLog(topics, data));
    }

    /// <summary>Explains revert data: Error(string), Panic(uint256), a custom error of this ABI, or unknown.</summary>
    public RevertReason DecodeRevert(ReadOnlySpan<byte> data) => RevertReason.Decode(data, Errors);

    private static T Find<T>(IReadOnlyList<T> members, string key, Func<T, byte[]> id, string what)
        where T : AbiMember
    {
        var matches = key.StartsWith("0x", StringComparison.Ordinal)
            ? members.Where(m => Hex.Encode(id(m)).Equals(key, StringComparison.OrdinalIgnoreCase)).ToList()
            : members.Where(m => key.Contains('(') ? m.Signature == key.Replace(" ", "") : m.Name == key).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new AbiException($"No {what} '{key}' in the ABI."),
            _ => throw new AbiException($"{what} '{key}' is overloaded; use a full signature: {string.Join(", ", matches.Select(m => m.Signature))}."),
        };
    }

    private static string Name(JsonElement e) => Str(e, "name") ?? throw new AbiException("ABI entry has no name.");

    private static string? Str(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Mutability(JsonElement e) => Str(e, "stateMutability")
        ?? (e.TryGetProperty("payable", out var p) && p.ValueKind == JsonValueKind.True ? "payable"
        : e.TryGetProperty("constant", out var c) && c.ValueKind == JsonValueKind.True ? "view" : "nonpayable");

    private static List<AbiParameter> Params(JsonElement e, string property) =>
        e.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(p => Param(p, 0)).ToList()
            : [];

    private static AbiParameter Param(JsonElement p, int depth)
    {
        if (depth > AbiType.MaxDepth)
        {
            throw new AbiException($"Tuple nesting deeper than {AbiType.MaxDepth}.");
        }
        var type = Str(p, "type") ?? throw new AbiException("ABI parameter has no type.");
        var indexed = p.TryGetProperty("indexed", out var i) && i.ValueKind == JsonValueKind.True;
        var name = Str(p, "name") ?? "";
        if (!type.StartsWith("tuple", StringComparison.Ordinal))
        {
            return new AbiParameter(name, AbiType.Parse(type), indexed);
        }
        var components = p.TryGetProperty("components", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Select(x => Param(x, depth + 1)).ToList()
            : throw new AbiException($"Tuple parameter '{name}' has no components.");
        return new AbiParameter(name, AbiTypeParser.ApplySuffixes(AbiType.Tuple(components), type[5..]), indexed);
    }
}

/// <summary>A log decoded against an event: values in declaration order.</summary>
public sealed record DecodedLog(AbiEvent Event, IReadOnlyList<object?> Values)
{
    /// <summary>The value of the argument named <paramref name="name"/>.</summary>
    public object? this[string name] =>
        Values[Event.Inputs.ToList().FindIndex(p => p.Name == name) is var i and >= 0 ? i : throw new KeyNotFoundException(name)];
}
