using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Traces;

namespace NutPortal.Core.Explorer;

internal static class ExplorerServiceCollectionExtensions
{
    /// <summary>The explorer's stores and queries, and transaction traces (settings under Portal:Explorer).</summary>
    public static IServiceCollection AddExplorer(this IServiceCollection services)
    {
        services.AddOptions<ExplorerOptions>().BindConfiguration(ExplorerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChainStore>();
        services.AddSingleton<ExplorerQueries>();
        services.AddSingleton<ExplorerGrids>();
        services.AddSingleton<TransactionDecoder>();
        services.AddSingleton<ExplorerSearch>();
        services.AddSingleton<AddressState>();
        services.AddSingleton<IndexerStatusBoard>();
        services.AddSingleton<TraceRecorder>();
        services.AddSingleton<CallTreeDecoder>();
        services.AddSingleton<TransactionTraces>();
        services.AddSingleton<TraceOverview>();
        services.AddSingleton<TracedSender>();
        services.AddSingleton<OtlpIngest>();
        return services;
    }
}
