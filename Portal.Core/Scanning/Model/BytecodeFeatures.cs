using NutPortal.Core.Solidity;

namespace NutPortal.Core.Scanning.Model;

/// <summary>
/// Opcode n-grams of each function's share of the runtime bytecode. solc's source map gives every
/// instruction the source range it came from; an instruction whose range starts inside a function is that
/// function's, and runs of consecutive instructions of one function give its 1-, 2- and 3-grams.
/// </summary>
public static class BytecodeFeatures
{
    public static void Add(ScanContext context, IReadOnlyList<CompiledContract> contracts, IReadOnlyList<FunctionSample> functions)
    {
        if (functions.Count == 0)
        {
            return;
        }
        var ordered = functions.OrderBy(f => f.Offset).ToArray();
        var starts = ordered.Select(f => f.Offset).ToArray();
        foreach (var contract in contracts.Where(c => c.DeployedBytecode.Length > 0 && c.DeployedSourceMap.Length > 0))
        {
            var instructions = EvmInstructions.Decode(contract.DeployedBytecode);
            var map = SourceMap(contract.DeployedSourceMap);
            var run = new List<(string Op, int Offset)>();
            FunctionSample? current = null;
            for (var i = 0; i < Math.Min(instructions.Count, map.Count); i++)
            {
                var (offset, file) = map[i];
                var owner = file == context.FileIndex ? Owner(ordered, starts, offset) : null;
                if (owner != current)
                {
                    Flush(context, current, run);
                    current = owner;
                }
                if (owner is not null)
                {
                    run.Add((instructions[i], offset));
                }
            }
            Flush(context, current, run);
        }
    }

    /// <summary>Start offset and source index per instruction; empty fields repeat the previous entry.</summary>
    public static IReadOnlyList<(int Offset, int File)> SourceMap(string map)
    {
        var result = new List<(int, int)>();
        int offset = -1, file = -1;
        foreach (var entry in map.Split(';'))
        {
            var fields = entry.Split(':');
            if (fields.Length > 0 && fields[0].Length > 0 && int.TryParse(fields[0], out var s))
            {
                offset = s;
            }
            if (fields.Length > 2 && fields[2].Length > 0 && int.TryParse(fields[2], out var f))
            {
                file = f;
            }
            result.Add((offset, file));
        }
        return result;
    }

    private static FunctionSample? Owner(FunctionSample[] ordered, int[] starts, int offset)
    {
        var index = Array.BinarySearch(starts, offset);
        index = index >= 0 ? index : ~index - 1;
        return index >= 0 && offset < ordered[index].Offset + ordered[index].Length ? ordered[index] : null;
    }

    private static void Flush(ScanContext context, FunctionSample? function, List<(string Op, int Offset)> run)
    {
        if (function is not null)
        {
            for (var i = 0; i < run.Count; i++)
            {
                var line = context.LineAt(run[i].Offset);
                function.Add("o1:" + run[i].Op, line);
                if (i + 1 < run.Count)
                {
                    function.Add($"o2:{run[i].Op}>{run[i + 1].Op}", line);
                }
                if (i + 2 < run.Count)
                {
                    function.Add($"o3:{run[i].Op}>{run[i + 1].Op}>{run[i + 2].Op}", line);
                }
            }
        }
        run.Clear();
    }
}
