using System.Text.Json.Serialization;

namespace NutPortal.Core.Scanning;

/// <summary>One issue a detector found: where, how bad, how sure, and what to do about it.</summary>
/// <remarks><see cref="File"/> names the file in a multi-file scan; it is null (and not stored) for a single source.</remarks>
public sealed record Finding(
    string Category, string Severity, int Line, int Column, string Title, string Detector, string Confidence, string Explanation, string Advice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File = null);

/// <summary>Vulnerability classes (the DASP taxonomy used by SmartBugs).</summary>
public static class ScanCategories
{
    public const string Reentrancy = "reentrancy";
    public const string AccessControl = "access_control";
    public const string Arithmetic = "arithmetic";
    public const string UncheckedCalls = "unchecked_low_level_calls";
    public const string DenialOfService = "denial_of_service";
    public const string BadRandomness = "bad_randomness";
    public const string FrontRunning = "front_running";
    public const string TimeManipulation = "time_manipulation";
    public const string ShortAddresses = "short_addresses";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
        [Reentrancy, AccessControl, Arithmetic, UncheckedCalls, DenialOfService, BadRandomness, FrontRunning, TimeManipulation, ShortAddresses, Other];
}

/// <summary>A static detector over the AST of comment-free source.</summary>
public abstract class Detector
{
    public abstract string Name { get; }

    public abstract string Category { get; }

    public abstract string Severity { get; }

    public abstract string Title { get; }

    public abstract string Explanation { get; }

    public abstract string Advice { get; }

    public abstract IEnumerable<Finding> Detect(ScanContext context);

    protected Finding At(ScanContext context, AstNode node, string confidence, string? title = null)
    {
        var (line, column) = context.Position(node);
        return new Finding(Category, Severity, line, column, title ?? Title, Name, confidence, Explanation, Advice);
    }
}
