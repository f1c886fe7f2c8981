using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NutPortal.Core.Networks.Drivers;
using NutPortal.Core.Networks.Kubernetes;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Tests.Networks.Kubernetes;

public sealed class KubernetesOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_not_configured()
    {
        var options = new KubernetesOptions();

        Assert.True(new KubernetesOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("nutportal", options.Namespace);
        Assert.Equal(30, options.RequestTimeoutSeconds);
        Assert.Equal(300, options.ReadyTimeoutSeconds);
        Assert.False(options.IsConfigured);
    }

    [Fact]
    public void Configured_means_a_kubeconfig_file_that_exists()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.True(new KubernetesOptions { Kubeconfig = file }.IsConfigured);
            Assert.False(new KubernetesOptions { Kubeconfig = file + ".missing" }.IsConfigured);
            Assert.False(new KubernetesOptions { Kubeconfig = " " }.IsConfigured);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("Portal:Kubernetes:Namespace", "My_Namespace", "Portal:Kubernetes:Namespace 'My_Namespace' is not a valid namespace name")]
    [InlineData("Portal:Kubernetes:StorageClassName", "Fast SSD", "Portal:Kubernetes:StorageClassName 'Fast SSD'")]
    [InlineData("Portal:Kubernetes:RequestTimeoutSeconds", "0", "Portal:Kubernetes:RequestTimeoutSeconds must be between 1 and 3600")]
    [InlineData("Portal:Kubernetes:ReadyTimeoutSeconds", "-5", "Portal:Kubernetes:ReadyTimeoutSeconds must be between 1 and 86400")]
    public void Bad_settings_fail_at_start_naming_the_key(string key, string value, string message)
    {
        using var provider = Services(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KubernetesOptions>>().Value);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kubeconfig_without_the_configured_context_fails_at_start_naming_both()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        using var provider = Services(new() { ["Portal:Kubernetes:Kubeconfig"] = api.Kubeconfig, ["Portal:Kubernetes:Context"] = "production" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KubernetesOptions>>().Value);

        Assert.Contains($"The kubeconfig '{api.Kubeconfig}' (Portal:Kubernetes:Kubeconfig, context production) cannot be used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kubeconfig_that_loads_passes_validation()
    {
        await using var api = await FakeKubernetesApi.StartAsync();

        Assert.True(new KubernetesOptionsValidator().Validate(null, api.Options()).Succeeded);
    }

    [Fact]
    public void The_registration_binds_the_section_and_adds_the_driver()
    {
        using var provider = Services(new() { ["Portal:Kubernetes:Namespace"] = "chains", ["Portal:Kubernetes:CreateNamespace"] = "true" });

        var options = provider.GetRequiredService<IOptions<KubernetesOptions>>().Value;
        Assert.Equal("chains", options.Namespace);
        Assert.True(options.CreateNamespace);
        var driver = Assert.Single(provider.GetServices<INodeDriver>());
        Assert.Equal("kubernetes", driver.Name);
        Assert.Same(provider.GetRequiredService<KubernetesNodeDriver>(), driver);
        Assert.NotNull(provider.GetRequiredService<KubernetesApplier>());
        Assert.NotNull(provider.GetRequiredService<KubernetesReadiness>());
        Assert.NotNull(provider.GetRequiredService<KubernetesManifestRenderer>());
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<IBlockchainPlatform, AnvilPlatform>();
        services.AddKubernetesDriver();
        services.AddKubernetesDriver();
        return services.BuildServiceProvider();
    }
}
