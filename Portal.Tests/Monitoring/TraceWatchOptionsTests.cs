using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NutPortal.Core.Monitoring;

namespace NutPortal.Tests.Monitoring;

/// <summary>The trace watcher's interval is checked at start: a bad value fails naming the setting.</summary>
public sealed class TraceWatchOptionsTests
{
    [Theory]
    [InlineData("50")]
    [InlineData("600000")]
    public void An_interval_out_of_range_fails_naming_the_setting(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(value));

        Assert.Contains("TraceWatchMilliseconds must be between 100 and 60000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_reads_every_node_once_a_second() => Assert.Equal(1000, Options(null).TraceWatchMilliseconds);

    private static MonitoringOptions Options(string? interval)
    {
        var settings = interval is null ? [] : new Dictionary<string, string?> { ["Portal:Monitoring:TraceWatchMilliseconds"] = interval };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddMonitoring().BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MonitoringOptions>>().Value;
    }
}
