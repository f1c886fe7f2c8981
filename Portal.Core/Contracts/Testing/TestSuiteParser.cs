using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace NutPortal.Core.Contracts.Testing;

/// <summary>
/// Reads a suite's steps: a JSON array of objects, each with a <c>type</c> (deploy, call, send, event, balance,
/// advanceTime) and that type's fields. Every problem is reported with its field path (<c>steps[1].from</c>),
/// unknown fields included, so a typo never silently turns into a default.
/// </summary>
public static class TestSuiteParser
{
    public const int MaxSteps = 200;
    public const int MaxJsonChars = 64 * 1024;
    public const long MaxAdvanceSeconds = 10L * 366 * 24 * 3600;

    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["deploy"] = ["contract", "args", "value", "from", "as", "gas"],
        ["call"] = ["function", "args", "contract", "from", "expect", "expectRevert", "gas"],
        ["send"] = ["function", "args", "contract", "value", "from", "expectRevert", "gas"],
        ["event"] = ["event", "args", "contract"],
        ["balance"] = ["account", "delta", "includeGas"],
        ["advanceTime"] = ["seconds"],
    };

    public static IReadOnlyList<string> StepTypes { get; } = [.. Fields.Keys];

    public static (IReadOnlyList<TestStep> Steps, IReadOnlyList<TestSuiteError> Errors) Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return ([], [new("steps", "Write the steps as a JSON array.")]);
        }
        if (json.Length > MaxJsonChars)
        {
            return ([], [new("steps", $"The steps are {json.Length} characters; at most {MaxJsonChars} are allowed.")]);
        }
        try
        {
            // Steps keep JsonElements (arguments, expectations): clone them out of the pooled document.
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            return Parse(doc.RootElement.Clone());
        }
        catch (JsonException e)
        {
            return ([], [new("steps", $"Not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}): {Short(e.Message)}")]);
        }
    }

    public static (IReadOnlyList<TestStep> Steps, IReadOnlyList<TestSuiteError> Errors) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return ([], [new("steps", "The steps must be a JSON array of step objects.")]);
        }
        var count = root.GetArrayLength();
        if (count == 0 || count > MaxSteps)
        {
            return ([], [new("steps", $"A suite needs 1 to {MaxSteps} steps; got {count}.")]);
        }
        var steps = new List<TestStep>();
        var errors = new List<TestSuiteError>();
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            var reader = new StepReader(element, index, errors);
            if (reader.Read() is { } step)
            {
                steps.Add(step);
            }
            index++;
        }
        return (errors.Count == 0 ? steps : [], errors);
    }

    private static string Short(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];

    /// <summary>Reads one step, adding an error per bad field.</summary>
    private sealed class StepReader(JsonElement element, int index, List<TestSuiteError> errors)
    {
        private string Field(string name) => $"steps[{index}].{name}";

        private void Error(string name, string message) => errors.Add(new TestSuiteError(name.Length == 0 ? $"steps[{index}]" : Field(name), message));

        public TestStep? Read()
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error("", "Each step is a JSON object with a \"type\".");
                return null;
            }
            var type = OptionalString("type");
            if (type is null || !Fields.TryGetValue(type, out var allowed))
            {
                Error("type", $"Step type must be one of {string.Join(", ", Fields.Keys)}" + (type is null ? "." : $"; got \"{type}\"."));
                return null;
            }
            var before = errors.Count;
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is not ("type" or "name") && !allowed.Contains(property.Name))
                {
                    Error(property.Name, $"Unknown field for a {type} step; allowed: name, {string.Join(", ", allowed)}.");
                }
            }
            var name = OptionalString("name");
            TestStep step = type switch
            {
                "deploy" => new DeployStep(index, name, Gas(), RequiredString("contract"), Args(), Wei("value", allowNegative: false), Account("from"), OptionalString("as")),
                "call" => new CallStep(index, name, Gas(), RequiredString("function"), Args(), OptionalString("contract"), Account("from"), Optional("expect"), OptionalString("expectRevert")),
                "send" => new SendStep(index, name, Gas(), RequiredString("function"), Args(), OptionalString("contract"), Wei("value", allowNegative: false), Account("from"), OptionalString("expectRevert")),
                "event" => new EventStep(index, name, RequiredString("event"), EventArgs(), OptionalString("contract")),
                "balance" => new BalanceStep(index, name, BalanceAccount(), Wei("delta", allowNegative: true, required: true), Bool("includeGas")),
                _ => new AdvanceTimeStep(index, name, Seconds()),
            };
            if (step is CallStep { Expect: not null, ExpectRevert: not null })
            {
                Error("expectRevert", "Give either expect or expectRevert, not both.");
            }
            return errors.Count == before ? step : null;
        }

        private JsonElement? Optional(string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        private string? OptionalString(string name)
        {
            if (Optional(name) is not { } value)
            {
                return null;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                Error(name, "Must be a string.");
                return null;
            }
            return value.GetString();
        }

        private string RequiredString(string name)
        {
            var value = OptionalString(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (Optional(name) is null or { ValueKind: JsonValueKind.String })
                {
                    Error(name, "Required.");
                }
                return "";
            }
            return value.Trim();
        }

        private JsonElement? Args()
        {
            var value = Optional("args");
            if (value is { ValueKind: not JsonValueKind.Array })
            {
                Error("args", "Arguments must be a JSON array (strings, numbers, booleans, nested arrays).");
            }
            return value;
        }

        private JsonElement? EventArgs()
        {
            var value = Optional("args");
            if (value is { ValueKind: not JsonValueKind.Object })
            {
                Error("args", "Event arguments must be an object keyed by parameter name, e.g. {\"to\": \"$account1\"}.");
            }
            return value;
        }

        private int Account(string name)
        {
            if (Optional(name) is not { } value)
            {
                return 0;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) && i is >= 0 and < DevAccounts.Count)
            {
                return i;
            }
            Error(name, $"An account index from 0 to {DevAccounts.Count - 1} (anvil's dev accounts).");
            return 0;
        }

        private string BalanceAccount()
        {
            switch (Optional("account"))
            {
                case { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) && i is >= 0 and < DevAccounts.Count:
                    return $"$account{i}";
                case { ValueKind: JsonValueKind.String } s when !string.IsNullOrWhiteSpace(s.GetString()):
                    return s.GetString()!.Trim();
                default:
                    Error("account", $"An account index (0 to {DevAccounts.Count - 1}), \"$accountN\", \"$ContractName\" or a 0x address.");
                    return "";
            }
        }

        private BigInteger Wei(string name, bool allowNegative, bool required = false)
        {
            if (Optional(name) is not { } value)
            {
                if (required)
                {
                    Error(name, "Required: an integer amount of wei.");
                }
                return BigInteger.Zero;
            }
            var text = value.ValueKind switch
            {
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.String => value.GetString()!.Trim(),
                _ => "",
            };
            var sign = allowNegative && text.StartsWith('-') ? -1 : 1;
            var digits = sign < 0 ? text[1..] : text;
            if (digits.Length is > 0 and <= 78 && digits.All(char.IsAsciiDigit)
                && BigInteger.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return sign * amount;
            }
            Error(name, allowNegative ? "An integer amount of wei (may be negative), as a number or a string." : "A non-negative integer amount of wei, as a number or a string.");
            return BigInteger.Zero;
        }

        private bool Bool(string name)
        {
            switch (Optional(name))
            {
                case null:
                    return false;
                case { ValueKind: JsonValueKind.True }:
                    return true;
                case { ValueKind: JsonValueKind.False }:
                    return false;
                default:
                    Error(name, "Must be true or false.");
                    return false;
            }
        }

        private ulong? Gas()
        {
            if (Optional("gas") is not { } value)
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var gas) && gas >= 21_000)
            {
                return gas;
            }
            Error("gas", "A gas cap of at least 21000.");
            return null;
        }

        private long Seconds()
        {
            if (Optional("seconds") is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var s) && s is > 0 and <= MaxAdvanceSeconds)
            {
                return s;
            }
            Error("seconds", $"Whole seconds from 1 to {MaxAdvanceSeconds}.");
            return 0;
        }
    }
}
