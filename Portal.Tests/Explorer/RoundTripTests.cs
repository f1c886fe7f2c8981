using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Explorer;

public sealed class RoundTripTests
{
    [Fact]
    public async Task A_caught_up_indexer_makes_at_most_two_round_trips_per_block()
    {
        var counter = new BatchCounter();
        using var portal = new PortalFactory { ConfigureServices = counter.Install };
        using var client = portal.CreateAdminClient();
        using var chain = await ExplorerChain.CreateAsync(client, "indexer-trips");
        await chain.WaitForIndexedAsync(2);
        var fromHeight = await chain.IndexedHeightAsync();
        var fromBatches = counter.Batches;

        await chain.WaitForIndexedAsync(fromHeight + 6);

        var blocks = await chain.IndexedHeightAsync() - fromHeight;
        var batches = counter.Batches - fromBatches;
        Assert.True(batches <= 2 * blocks, $"{batches} round trips for {blocks} blocks");
    }

    /// <summary>Counts JSON-RPC batches (the indexer's only kind of request) on top of the real clients.</summary>
    private sealed class BatchCounter
    {
        private int _batches;

        public int Batches => Volatile.Read(ref _batches);

        public void Install(IServiceCollection services)
        {
            var real = services.Single(d => d.ServiceType == typeof(IJsonRpcClientFactory));
            services.Remove(real);
            services.AddSingleton(real.ImplementationType!);
            services.AddSingleton<IJsonRpcClientFactory>(sp => new Factory((IJsonRpcClientFactory)sp.GetRequiredService(real.ImplementationType!), this));
        }

        private sealed class Factory(IJsonRpcClientFactory inner, BatchCounter counter) : IJsonRpcClientFactory
        {
            // Only Ethereum-dialect clients (the indexer's); the platform's plain status calls are not counted.
            public IJsonRpcClient Create(Uri endpoint, JsonSerializerOptions json, string? basicAuth = null) =>
                json == EthereumRpc.Json ? new Client(inner.Create(endpoint, json, basicAuth), counter) : inner.Create(endpoint, json, basicAuth);
        }

        private sealed class Client(IJsonRpcClient inner, BatchCounter counter) : IJsonRpcClient
        {
            public Uri Endpoint => inner.Endpoint;

            public Task<T> CallAsync<T>(string method, IReadOnlyList<object?>? parameters = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
                inner.CallAsync<T>(method, parameters, timeout, cancellationToken);

            public Task SendBatchAsync(JsonRpcBatch batch, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
            {
                Interlocked.Increment(ref counter._batches);
                return inner.SendBatchAsync(batch, timeout, cancellationToken);
            }
        }
    }
}
