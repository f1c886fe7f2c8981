namespace NutPortal.Web.Bench;

internal static class BenchSuites
{
    /// <summary>Every suite; later features add theirs here.</summary>
    public static IReadOnlyList<IBenchSuite> All { get; } = [new ApiBenchSuite(), new EthereumBenchSuite(), new AlertBenchSuite(), new IndexerBenchSuite(), new ScannerBenchSuite(), new PushBenchSuite(), new CollectorBenchSuite(), new NetworksBenchSuite(), new JobQueueBenchSuite(), new ReplicaBenchSuite(), new OracleBenchSuite(), new GatewayBenchSuite(), new WalletBenchSuite(), new DappStoreBenchSuite()];
}
