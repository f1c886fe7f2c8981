using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace NutPortal.Core.Contracts.Testing;

/// <summary>One step of a suite. <see cref="Gas"/> lowers the per-step gas cap for deploys, calls and sends.</summary>
public abstract record TestStep(int Index, string? Name, ulong? Gas)
{
    public abstract string Kind { get; }

    /// <summary>What the results table shows for the step.</summary>
    public string Title => Name ?? Describe();

    protected abstract string Describe();

    protected static string ShowArgs(JsonElement? args) =>
        args is { ValueKind: JsonValueKind.Array } a ? string.Join(", ", a.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())) : "";
}

public sealed record DeployStep(int Index, string? Name, ulong? Gas, string Contract, JsonElement? Args, BigInteger Value, int From, string? Alias)
    : TestStep(Index, Name, Gas)
{
    public override string Kind => "deploy";

    protected override string Describe() => $"deploy {Contract}({ShowArgs(Args)})" + (Alias is null ? "" : $" as {Alias}");
}

public sealed record CallStep(int Index, string? Name, ulong? Gas, string Function, JsonElement? Args, string? Contract, int From, JsonElement? Expect, string? ExpectRevert)
    : TestStep(Index, Name, Gas)
{
    public override string Kind => "call";

    protected override string Describe() =>
        $"call {Function}({ShowArgs(Args)})" + (ExpectRevert is not null ? " reverts" : Expect is { } e ? $" = {(e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())}" : "");
}

public sealed record SendStep(int Index, string? Name, ulong? Gas, string Function, JsonElement? Args, string? Contract, BigInteger Value, int From, string? ExpectRevert)
    : TestStep(Index, Name, Gas)
{
    public override string Kind => "send";

    protected override string Describe() =>
        $"send {Function}({ShowArgs(Args)}) from account {From}" + (Value.IsZero ? "" : $" with {Value} wei")
        + (ExpectRevert is null ? "" : ExpectRevert.Length == 0 ? " reverts" : $" reverts with \"{ExpectRevert}\"");
}

public sealed record EventStep(int Index, string? Name, string Event, JsonElement? Args, string? Contract)
    : TestStep(Index, Name, null)
{
    public override string Kind => "event";

    protected override string Describe() =>
        $"event {Event}" + (Args is { ValueKind: JsonValueKind.Object } a ? "(" + string.Join(", ", a.EnumerateObject().Select(p => $"{p.Name}={(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}")) + ")" : "");
}

public sealed record BalanceStep(int Index, string? Name, string Account, BigInteger Delta, bool IncludeGas)
    : TestStep(Index, Name, null)
{
    public override string Kind => "balance";

    protected override string Describe() =>
        $"balance of {Account} changed by {Delta.ToString(CultureInfo.InvariantCulture)} wei" + (IncludeGas ? " (gas included)" : "");
}

public sealed record AdvanceTimeStep(int Index, string? Name, long Seconds)
    : TestStep(Index, Name, null)
{
    public override string Kind => "advanceTime";

    protected override string Describe() => $"advance time {Seconds.ToString(CultureInfo.InvariantCulture)} s";
}

/// <summary>A problem with a suite, keyed like the API's field errors: <c>steps[2].function</c>.</summary>
public sealed record TestSuiteError(string Field, string Message);
