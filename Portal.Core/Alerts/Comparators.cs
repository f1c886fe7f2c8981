namespace NutPortal.Core.Alerts;

public static class Comparators
{
    public static IReadOnlyList<string> All { get; } = [">", ">=", "<", "<=", "=="];

    public static bool Holds(string comparator, double value, double threshold) => comparator switch
    {
        ">" => value > threshold,
        ">=" => value >= threshold,
        "<" => value < threshold,
        "<=" => value <= threshold,
        "==" => value == threshold,
        _ => false,
    };
}
