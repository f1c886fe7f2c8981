using System.Diagnostics;
using System.Reflection;
using NutPortal.Core.Ethereum.Hashing;

namespace NutPortal.Tests.Ethereum;

/// <summary>Throughput tests run alone (not in parallel with other classes) to reduce noise on the shared box.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Throughput
{
    public const string Name = "Ethereum throughput";

    /// <summary>Debug builds disable JIT optimisation, so only optimised builds get the real floor.</summary>
    public static bool Optimized =>
        typeof(Keccak256).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;

    public static double Floor(double optimized, double debug) => Optimized ? optimized : debug;
}
