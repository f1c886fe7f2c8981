using System.CommandLine;
using NutPortal.Web.Bench;

namespace NutPortal.Web.CommandLine;

internal static class BenchCommand
{
    public static Command Create()
    {
        var suite = new Argument<string>("suite") { Description = $"One of: {string.Join(", ", BenchSuites.All.Select(s => s.Name))}" };
        var rest = new Argument<string[]>("arguments") { Description = "Suite-specific arguments", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("bench", "Run a benchmark suite and print its figures") { suite, rest };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(suite) ?? "";
            var selected = BenchSuites.All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (selected is null)
            {
                await Console.Error.WriteLineAsync($"Unknown bench suite '{name}'. Suites: " +
                    string.Join("; ", BenchSuites.All.Select(s => $"{s.Name} ({s.Description})")));
                return 2;
            }
            await selected.RunAsync(new BenchReport(Console.Out), parse.GetValue(rest) ?? [], ct);
            return 0;
        });
        return command;
    }
}
