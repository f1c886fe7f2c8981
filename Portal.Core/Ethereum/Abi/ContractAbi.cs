using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Nethereum.ABI.ABIDeserialisation;

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
        List<ABIElementSTJ> entries;
        try
        {
            // Nethereum's ABI JSON model (source-generated System.Text.Json); our types and checks on top.
            entries = JsonSerializer.Deserialize(json, ABIJsonDeserialiserSTJContext.Default.ListABIElementSTJ)
                ?? throw new AbiException("ABI JSON must be an array.");
        }
        catch (JsonException e)
        {
            throw new AbiException($"Invalid ABI JSON: {e.Message}", e);
        }
        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        AbiConstructor? constructor = null;
        bool fallback = false, receive = false;
        foreach (var entry in entries)
        {
            var inputs = Params(entry?.Inputs);
            switch (entry?.Type ?? "function")
            {
                case "function":
                    functions.Add(new AbiFunction(Name(entry), inputs, Params(entry!.Outputs), Mutability(entry)));
                    break;
                case "event":
                    events.Add(new AbiEvent(Name(entry), inputs, entry!.Anonymous));
                    break;
                case "error":
                    errors.Add(new AbiError(Name(entry), inputs));
                    break;
                case "constructor":
                    constructor = new AbiConstructor(inputs, Mutability(entry!));
                    break;
                case "fallback":
                    fallback = true;
                    break;
                case "receive":
                    receive = true;
                    break;
                case var kind:
                    throw new AbiException($"Unknown ABI entry type '{kind}'.");
            }
        }
        return new ContractAbi(functions, events, errors, constructor, fallback, receive);
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

    private static string Name(ABIElementSTJ? e) => e?.Name ?? throw new AbiException("ABI entry has no name.");

    private static string Mutability(ABIElementSTJ e) => e.StateMutability ?? (e.Payable ? "payable" : e.Constant ? "view" : "nonpayable");

    private static List<AbiParameter> Params(List<ABIParameterSTJ>? list, int depth = 0) =>
        depth > AbiType.MaxDepth ? throw new AbiException($"Tuple nesting deeper than {AbiType.MaxDepth}.")
        : (list ?? []).Select(p => Param(p, depth)).ToList();

    private static AbiParameter Param(ABIParameterSTJ? p, int depth)
    {
        var type = p?.Type ?? throw new AbiException("ABI parameter has no type.");
        var name = p.Name ?? "";
        if (!type.StartsWith("tuple", StringComparison.Ordinal))
        {
            return new AbiParameter(name, AbiType.Parse(type), p.Indexed);
        }
        var components = p.Components is { Count: > 0 } c ? Params(c, depth + 1) : throw new AbiException($"Tuple parameter '{name}' has no components.");
        return new AbiParameter(name, AbiTypeParser.ApplySuffixes(AbiType.Tuple(components), type[5..]), p.Indexed);
    }
}

/// <summary>A log decoded against an event: values in declaration order.</summary>
public sealed record DecodedLog(AbiEvent Event, IReadOnlyList<object?> Values)
{
    /// <summary>The value of the argument named <paramref name="name"/>.</summary>
    public object? this[string name] =>
        Values[Event.Inputs.ToList().FindIndex(p => p.Name == name) is var i and >= 0 ? i : throw new KeyNotFoundException(name)];
}
