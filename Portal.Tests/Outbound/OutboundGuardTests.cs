using Microsoft.Extensions.Options;
using NutPortal.Core.Outbound;

namespace NutPortal.Tests.Outbound;

/// <summary>The outbound guard on names, not only address literals: a name is judged by what it resolves to.</summary>
public sealed class OutboundGuardTests
{
    private static OutboundGuard Guard(params string[] allowed) => new(new Monitor(new OutboundOptions { AllowedHosts = allowed }));

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_unless_it_is_allowed()
    {
        var refused = await Guard().CheckUrlAsync("http://localhost:9/price", CancellationToken.None);
        var allowed = await Guard("localhost").CheckUrlAsync("http://localhost:9/price", CancellationToken.None);

        Assert.NotNull(refused);
        Assert.StartsWith("'localhost' resolves to ", refused, StringComparison.Ordinal);
        Assert.Contains("Portal:Outbound:AllowedHosts", refused, StringComparison.Ordinal);
        Assert.Null(allowed);
    }

    [Theory]
    [InlineData("http://user:secret@example.com/", "Credentials in the URL are not allowed.")]
    [InlineData("ftp://example.com/", "An absolute http:// or https:// URL.")]
    [InlineData("/relative", "An absolute http:// or https:// URL.")]
    [InlineData("http://no-such-host.invalid/", "The host 'no-such-host.invalid' does not resolve.")]
    public async Task Urls_the_guard_cannot_call_are_refused_with_the_reason(string url, string reason) =>
        Assert.Equal(reason, await Guard().CheckUrlAsync(url, CancellationToken.None));

    private sealed class Monitor(OutboundOptions value) : IOptionsMonitor<OutboundOptions>
    {
        public OutboundOptions CurrentValue => value;

        public OutboundOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<OutboundOptions, string?> listener) => null;
    }
}
