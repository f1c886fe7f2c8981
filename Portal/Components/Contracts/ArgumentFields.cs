using System.Globalization;
using System.Numerics;
using System.Text.Json;
using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Web.Components.Contracts;

/// <summary>
/// The text fields of an ABI function's arguments on a MudForm: each field's check parses its value as the
/// argument's type; a service error naming an argument holds under that field while it keeps the submitted value.
/// </summary>
public sealed class ArgumentFields
{
    private readonly IReadOnlyList<AbiParameter> _parameters;
    private readonly Dictionary<int, (string? Submitted, string Message)> _server = [];

    public ArgumentFields(IReadOnlyList<AbiParameter> parameters)
    {
        _parameters = parameters;
        Values = new string?[parameters.Count];
        // Made once: a new delegate on every render would be a changed parameter of the field.
        Checks = [.. parameters.Select((_, i) => (Func<string, IEnumerable<string>>)(value => Check(i, value)))];
    }

    public IReadOnlyList<AbiParameter> Parameters => _parameters;

    public string?[] Values { get; }

    /// <summary>MudTextField validations, one per argument.</summary>
    public IReadOnlyList<Func<string, IEnumerable<string>>> Checks { get; }

    /// <summary>The values as the JSON array the services take.</summary>
    public JsonElement ToJson() => JsonSerializer.SerializeToElement(Values.Select(v => v ?? ""));

    public void ClearServer() => _server.Clear();

    /// <summary>Keeps <paramref name="failure"/> under its argument's field; false when it names no argument shown here.</summary>
    public bool Place(ContractFailureException failure)
    {
        if (failure.ArgumentIndex is not { } index || index < 0 || index >= Values.Length)
        {
            return false;
        }
        _server[index] = (Values[index], failure.Message);
        return true;
    }

    /// <summary>A wei amount: empty (zero) or a non-negative decimal integer.</summary>
    public static IEnumerable<string> CheckWei(string? value) =>
        string.IsNullOrWhiteSpace(value) || BigInteger.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? []
            : ["Value in wei, a non-negative integer."];

    public static BigInteger Wei(string? value) => string.IsNullOrWhiteSpace(value) ? 0 : BigInteger.Parse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    private List<string> Check(int index, string? value)
    {
        var messages = new List<string>();
        try
        {
            AbiValueParser.Parse(_parameters[index].Type, value ?? "");
        }
        catch (AbiException e)
        {
            messages.Add(e.Message);
        }
        if (_server.TryGetValue(index, out var error) && error.Submitted == value && !messages.Contains(error.Message))
        {
            messages.Add(error.Message);
        }
        return messages;
    }
}
