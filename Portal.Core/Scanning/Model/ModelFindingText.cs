using System.Globalization;

namespace NutPortal.Core.Scanning.Model;

/// <summary>How a model finding reads: what was learned, how sure it is, and what to check.</summary>
internal static class ModelFindingText
{
    private static readonly Dictionary<string, (string Name, string Advice)> Categories = new(StringComparer.Ordinal)
    {
        [ScanCategories.Reentrancy] = ("reentrancy", "Update state before external calls (checks-effects-interactions) or add a reentrancy lock."),
        [ScanCategories.AccessControl] = ("missing access control", "Restrict who can call the function (owner check or modifier) and check constructors are named right."),
        [ScanCategories.Arithmetic] = ("integer overflow or underflow", "Use Solidity 0.8 checked arithmetic or SafeMath, and bound the operands."),
        [ScanCategories.UncheckedCalls] = ("an unchecked low-level call", "Check the result of call/send/delegatecall and handle failure."),
        [ScanCategories.DenialOfService] = ("denial of service", "Avoid loops over unbounded arrays and calls whose failure blocks everyone; prefer pull payments."),
        [ScanCategories.BadRandomness] = ("predictable randomness", "Do not derive randomness from block data; use commit-reveal or an oracle."),
        [ScanCategories.FrontRunning] = ("front-running", "Do not let a transaction's outcome depend on data others can see and outbid in the mempool; use commit-reveal."),
        [ScanCategories.TimeManipulation] = ("timestamp dependence", "Do not use block.timestamp/now for values a miner can profit from shifting by seconds."),
        [ScanCategories.ShortAddresses] = ("short-address input", "Check msg.data length for functions that take an address and an amount."),
        [ScanCategories.Other] = ("another known weakness", "Review the function by hand against the SmartBugs 'other' cases (uninitialised storage, etc.)."),
    };

    public static Finding Finding(FunctionRisk risk)
    {
        var (name, advice) = Categories.TryGetValue(risk.Category, out var text) ? text : (risk.Category, "Review the function by hand.");
        var probability = risk.Probability.ToString("0.00", CultureInfo.InvariantCulture);
        return new Finding(
            risk.Category, "medium", risk.Line, 1, $"Model: {risk.Function} looks like {name}", ScannerModel.DetectorName, probability,
            $"The learned model (trained on labelled SmartBugs contracts) gives {risk.Contract}.{risk.Function} a probability of {probability} for {name}; "
            + "this line weighs most in that score. No static rule of this category fired in the function, so this is a learned suspicion to review, not a proof.",
            advice);
    }
}
