namespace NutPortal.Web.Bench;

/// <summary>A benchmark suite run by `Portal bench &lt;name&gt;`; it prints figures, it asserts nothing.</summary>
public interface IBenchSuite
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct);
}

/// <summary>Prints one figure per line as `name value unit`.</summary>
public sealed class BenchReport(TextWriter output)
{
    public void Figure(string name, double value, string unit) =>
        output.WriteLine(FormattableString.Invariant($"{name} {value:0.###} {unit}"));
}
