using System.Globalization;
using System.Numerics;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.Contracts.Testing;

/// <summary>What one step did: its outcome, a sentence for the results table, and the gas its transaction used.</summary>
public sealed record StepReport(TestStepOutcome Outcome, string Message, long? GasUsed = null)
{
    public static StepReport Pass(string message, ulong? gas = null) => new(TestStepOutcome.Passed, message, (long?)gas);

    public static StepReport Fail(string message, ulong? gas = null) => new(TestStepOutcome.Failed, message, (long?)gas);
}

/// <summary>
/// Executes a suite's steps, one at a time, against a throw-away node: deploys and sends are signed with the
/// dev accounts (<see cref="TestTransactions"/>), calls go through eth_call, event and balance steps inspect the
/// last transaction (a deploy or a send). Every transaction gets the step's gas cap as its gas limit, so a loop
/// that never ends burns the cap and is reported as "ran out of gas".
/// </summary>
public sealed class SuiteExecutor(IJsonRpcClient rpc, IReadOnlyList<ContractArtifact> artifacts, ulong gasCap, TimeSpan receiptTimeout)
{
    private readonly SuiteScope _scope = new();
    private readonly TestTransactions _transactions = new(rpc, receiptTimeout);
    private TestTransaction? _last;

    public async Task<StepReport> RunAsync(TestStep step, CancellationToken ct)
    {
        try
        {
            return step switch
            {
                DeployStep s => await DeployAsync(s, ct),
                CallStep s => await CallAsync(s, ct),
                SendStep s => await SendAsync(s, ct),
                EventStep s => ExpectEvent(s),
                BalanceStep s => await ExpectBalanceAsync(s, ct),
                AdvanceTimeStep s => await AdvanceAsync(s, ct),
                _ => throw new InvalidOperationException($"Unknown step {step.GetType().Name}."),
            };
        }
        catch (ContractFailureException e)
        {
            return new StepReport(TestStepOutcome.Error, $"{e.Field}: {e.Message}");
        }
        catch (JsonRpcException e)
        {
            return new StepReport(TestStepOutcome.Error, $"The node refused the step: {e.RpcMessage}");
        }
        catch (AbiException e)
        {
            return new StepReport(TestStepOutcome.Error, $"The result could not be decoded with the ABI: {e.Message}");
        }
    }

    private ulong Gas(TestStep step) => Math.Min(step.Gas ?? gasCap, gasCap);

    private async Task<StepReport> DeployAsync(DeployStep step, CancellationToken ct)
    {
        var artifact = TestSuiteChecker.Artifact(artifacts, step.Contract);
        var abi = ContractAbi.Parse(artifact.Abi);
        var args = AbiArguments.Parse(abi.Constructor?.Inputs ?? [], _scope.Substitute(step.Args, "args"), "args");
        var bytecode = Hex.Decode(artifact.Bytecode);
        var data = abi.Constructor is { } ctor ? ctor.EncodeDeploy(bytecode, args) : bytecode;
        var tx = _last = await _transactions.SendAsync(step.From, null, data, step.Value, Gas(step), abi, ct);
        if (!tx.Receipt.Succeeded || tx.Receipt.ContractAddress is null)
        {
            return StepReport.Fail($"The deployment {await _transactions.FailureAsync(tx, ct)}.", tx.Receipt.GasUsed);
        }
        _scope.Add(step.Contract, step.Alias, tx.Receipt.ContractAddress, abi);
        return StepReport.Pass($"Deployed {step.Contract} at {tx.Receipt.ContractAddress}.", tx.Receipt.GasUsed);
    }

    private async Task<StepReport> CallAsync(CallStep step, CancellationToken ct)
    {
        var target = _scope.Target(step.Contract);
        var function = TestSuiteChecker.Function(target, step.Function);
        var data = function.EncodeCall(AbiArguments.Parse(function.Inputs, _scope.Substitute(step.Args, "args"), "args"));
        var expected = _scope.Substitute(step.Expect, "expect") is { } e ? Expectations.ExpectedOutputs(function, e, "expect") : null;
        var call = new RpcTransactionRequest { From = DevAccounts.Address(step.From).ToLowerHex(), To = target.Address, Input = Hex.Encode(data), Gas = Gas(step) };
        string output;
        try
        {
            output = await rpc.CallAsync(call, BlockParameter.Latest, ct);
        }
        catch (JsonRpcException ex)
        {
            var reason = TestTransactions.Explain(ex, target.Abi, Gas(step));
            return step.ExpectRevert is { } wanted
                ? RevertMatches(reason, wanted)
                : StepReport.Fail($"{function.Name} {reason}.");
        }
        if (step.ExpectRevert is { } want)
        {
            return StepReport.Fail($"Expected {function.Name} to revert{(want.Length > 0 ? $" with \"{want}\"" : "")}, but it returned.");
        }
        var values = function.DecodeOutput(Hex.Decode(output));
        var shown = string.Join(", ", function.Outputs.Select((p, i) => AbiValueFormatter.ToText(p.Type, values[i])));
        if (expected is not null && Expectations.Mismatch(function.Outputs, values, expected) is { } mismatch)
        {
            return StepReport.Fail($"{function.Name} returned {shown}; {mismatch}.");
        }
        return StepReport.Pass($"{function.Name} returned {shown}.");
    }

    private async Task<StepReport> SendAsync(SendStep step, CancellationToken ct)
    {
        var target = _scope.Target(step.Contract);
        var function = TestSuiteChecker.Function(target, step.Function);
        var data = function.EncodeCall(AbiArguments.Parse(function.Inputs, _scope.Substitute(step.Args, "args"), "args"));
        var tx = _last = await _transactions.SendAsync(step.From, target.Address, data, step.Value, Gas(step), target.Abi, ct);
        var gas = tx.Receipt.GasUsed;
        if (tx.Receipt.Succeeded)
        {
            return step.ExpectRevert is { } want
                ? StepReport.Fail($"Expected {function.Name} to revert{(want.Length > 0 ? $" with \"{want}\"" : "")}, but the transaction succeeded.", gas)
                : StepReport.Pass($"{function.Name} succeeded in block {tx.Receipt.BlockNumber}.", gas);
        }
        var reason = await _transactions.FailureAsync(tx, ct);
        return step.ExpectRevert is { } wanted ? RevertMatches(reason, wanted) with { GasUsed = (long)gas } : StepReport.Fail($"{function.Name} {reason}.", gas);
    }

    private static StepReport RevertMatches(string reason, string wanted) =>
        reason.Contains(wanted, StringComparison.OrdinalIgnoreCase)
            ? StepReport.Pass($"As expected, it {reason}.")
            : StepReport.Fail($"It {reason}; expected a revert with \"{wanted}\".");

    private StepReport ExpectEvent(EventStep step)
    {
        var tx = _last ?? throw new ContractFailureException(ContractFailureKind.InvalidInput, "type", "No transaction yet: put a deploy or send step before this one.");
        var emitter = step.Contract is null ? null : _scope.Target(step.Contract);
        var seen = new List<string>();
        var mismatches = new List<string>();
        foreach (var log in tx.Receipt.Logs)
        {
            var source = _scope.ByAddress(log.Address);
            if (source is null || (emitter is not null && !string.Equals(emitter.Address, source.Address, StringComparison.Ordinal)))
            {
                continue;
            }
            var decoded = source.Abi.DecodeLog([.. log.Topics.Select(Hex.Decode)], Hex.Decode(log.Data));
            if (decoded is null)
            {
                continue;
            }
            var shown = $"{decoded.Event.Name}({string.Join(", ", decoded.Event.Inputs.Select((p, i) => $"{p.Name}={AbiValueFormatter.ToText(p.Type, decoded.Values[i])}"))})";
            seen.Add(shown);
            if (decoded.Event.Name != step.Event)
            {
                continue;
            }
            var expected = Expectations.ExpectedArguments(decoded.Event, _scope.Substitute(step.Args, "args"), "args");
            if (Expectations.Mismatch(decoded.Event.Inputs, decoded.Values, expected) is not { } mismatch)
            {
                return StepReport.Pass($"Emitted {shown}.");
            }
            mismatches.Add(mismatch);
        }
        var what = tx.Receipt.Succeeded ? "The last transaction" : "The last transaction (it reverted, so it emitted nothing)";
        return mismatches.Count > 0
            ? StepReport.Fail($"{step.Event} was emitted but its arguments differ: {string.Join(" | ", mismatches)}.")
            : StepReport.Fail($"{what} did not emit {step.Event}; it emitted {(seen.Count == 0 ? "no events" : string.Join(", ", seen))}.");
    }

    private async Task<StepReport> ExpectBalanceAsync(BalanceStep step, CancellationToken ct)
    {
        var tx = _last ?? throw new ContractFailureException(ContractFailureKind.InvalidInput, "type", "No transaction yet: put a deploy or send step before this one.");
        var address = _scope.Address(step.Account, "account");
        var block = tx.Receipt.BlockNumber;
        var before = await rpc.GetBalanceAsync(address, block - 1, ct);
        var after = await rpc.GetBalanceAsync(address, block, ct);
        var delta = after - before;
        var fee = new BigInteger(tx.Receipt.GasUsed) * (tx.Receipt.EffectiveGasPrice ?? 0);
        var isSender = string.Equals(address, tx.From, StringComparison.OrdinalIgnoreCase);
        // The sender also paid the transaction fee; unless includeGas is set, it is added back so the check is about value moved.
        if (isSender && !step.IncludeGas)
        {
            delta += fee;
        }
        var note = isSender ? step.IncludeGas ? $" (fee of {Wei(fee)} wei included)" : $" (fee of {Wei(fee)} wei left out)" : "";
        return delta == step.Delta
            ? StepReport.Pass($"Balance of {address} changed by {Wei(delta)} wei{note}.")
            : StepReport.Fail($"Balance of {address} changed by {Wei(delta)} wei{note}; expected {Wei(step.Delta)} wei.");
    }

    private async Task<StepReport> AdvanceAsync(AdvanceTimeStep step, CancellationToken ct)
    {
        await rpc.CallAsync<System.Text.Json.JsonElement?>("evm_increaseTime", [step.Seconds], null, ct);
        await rpc.CallAsync<System.Text.Json.JsonElement?>("evm_mine", [], null, ct);
        var latest = await rpc.GetBlockByNumberAsync(BlockParameter.Latest, ct);
        return StepReport.Pass($"Advanced {step.Seconds} s; block {latest?.Number} has timestamp {latest?.Timestamp}.");
    }

    private static string Wei(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
