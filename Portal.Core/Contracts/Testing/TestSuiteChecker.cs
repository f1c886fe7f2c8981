using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Core.Contracts.Testing;

/// <summary>
/// Checks parsed steps against a compiled version before anything runs: deployed contracts exist, functions
/// and events are in their ABIs, arguments and expectations fit the types. Deployed contracts get stand-in
/// addresses, so placeholders resolve as they will at run time.
/// </summary>
public static class TestSuiteChecker
{
    public static IReadOnlyList<TestSuiteError> Check(IReadOnlyList<TestStep> steps, IReadOnlyList<ContractArtifact> artifacts)
    {
        var scope = new SuiteScope();
        var errors = new List<TestSuiteError>();
        var transactions = 0;
        foreach (var step in steps)
        {
            try
            {
                switch (step)
                {
                    case DeployStep deploy:
                        var artifact = Artifact(artifacts, deploy.Contract);
                        var abi = ContractAbi.Parse(artifact.Abi);
                        // Added before its arguments are checked: later steps are checked against it even when they are wrong.
                        scope.Add(deploy.Contract, deploy.Alias, $"0x{scope.All.Count + 1:x40}", abi);
                        transactions++;
                        AbiArguments.Parse(abi.Constructor?.Inputs ?? [], scope.Substitute(deploy.Args, "args"), "args");
                        break;
                    case CallStep call:
                        var read = Function(scope.Target(call.Contract), call.Function);
                        AbiArguments.Parse(read.Inputs, scope.Substitute(call.Args, "args"), "args");
                        if (scope.Substitute(call.Expect, "expect") is { } expected)
                        {
                            Expectations.ExpectedOutputs(read, expected, "expect");
                        }
                        break;
                    case SendStep send:
                        var write = Function(scope.Target(send.Contract), send.Function);
                        AbiArguments.Parse(write.Inputs, scope.Substitute(send.Args, "args"), "args");
                        transactions++;
                        break;
                    case EventStep ev:
                        RequireTransaction(transactions);
                        var candidates = ev.Contract is null ? scope.All : [scope.Target(ev.Contract)];
                        var events = candidates.SelectMany(c => c.Abi.Events.Where(e => e.Name == ev.Event)).ToList();
                        if (events.Count == 0)
                        {
                            throw Invalid("event", $"No event '{ev.Event}' in the ABI of {(candidates.Count == 0 ? "any deployed contract" : string.Join(", ", candidates.Select(c => c.Name).Distinct()))}.");
                        }
                        Expectations.ExpectedArguments(events[0], scope.Substitute(ev.Args, "args"), "args");
                        break;
                    case BalanceStep balance:
                        RequireTransaction(transactions);
                        scope.Address(balance.Account, "account");
                        break;
                }
            }
            catch (ContractFailureException e)
            {
                errors.Add(new TestSuiteError($"steps[{step.Index}].{e.Field}", e.Message));
            }
        }
        return errors;
    }

    public static ContractArtifact Artifact(IReadOnlyList<ContractArtifact> artifacts, string name)
    {
        var artifact = artifacts.FirstOrDefault(a => a.Name == name)
            ?? throw Invalid("contract", $"No contract '{name}' in this version; it has: {string.Join(", ", artifacts.Select(a => a.Name))}.");
        return string.IsNullOrEmpty(artifact.Bytecode)
            ? throw Invalid("contract", $"{name} has no bytecode (abstract contract or interface) and cannot be deployed.")
            : artifact;
    }

    public static AbiFunction Function(SuiteContract contract, string name)
    {
        try
        {
            return contract.Abi.GetFunction(name);
        }
        catch (AbiException e)
        {
            var known = string.Join(", ", contract.Abi.Functions.Select(f => f.Name).Distinct());
            throw Invalid("function", $"{e.Message.Replace("the ABI", $"{contract.Name}'s ABI", StringComparison.Ordinal)} Functions: {known}.");
        }
    }

    private static void RequireTransaction(int transactions)
    {
        if (transactions == 0)
        {
            throw Invalid("type", "This step checks the last transaction: put a deploy or send step before it.");
        }
    }

    private static ContractFailureException Invalid(string field, string message) => new(ContractFailureKind.InvalidInput, field, message);
}
