using NutPortal.Core.Networks.Kubernetes;
using static NutPortal.Tests.Networks.Kubernetes.ManifestFixtures;
using static NutPortal.Tests.Networks.Kubernetes.MiniYaml;

namespace NutPortal.Tests.Networks.Kubernetes;

public sealed class YamlEmitterTests
{
    public static TheoryData<string> Tricky => new()
    {
        "yes", "No", "TRUE", "off", "y", "N", "null", "~", "", " ", "1e3", "0x1F", "012", "1_000", "3.14", ".5", ".inf", "-1", "+1",
        "12:30", "a: b", "a:b", "#x", "a #b", "- x", "-", "?", ":", "@x", "`x", "*x", "&x", "!x", "%x", "{x}", "[x]", "|", ">",
        "'x'", "\"x\"", "a\nb", "tab\there", "back\\slash", " lead", "trail ", "é", "ネット", "\u2028", "\u0001", "a,b",
    };

    [Theory]
    [MemberData(nameof(Tricky))]
    public void A_string_that_could_be_misread_is_quoted_and_reads_back_as_the_same_string(string value)
    {
        var scalar = YamlEmitter.Scalar(value);
        var yaml = YamlEmitter.Write([new YamlMap { { "key", value }, { value, "as-key" }, { "list", new[] { value } } }]);

        Assert.StartsWith("\"", scalar, StringComparison.Ordinal);
        var document = Assert.Single(Documents(yaml));
        Assert.Equal(value, document["key"]);
        Assert.Equal("as-key", document[value]);
        Assert.Equal(new List<object?> { value }, document["list"]);
    }

    [Theory]
    [InlineData("prague")]
    [InlineData("app.kubernetes.io/name")]
    [InlineData("ReadWriteOnce")]
    [InlineData("node-0")]
    public void Ordinary_words_stay_plain(string value)
    {
        Assert.Equal(value, YamlEmitter.Scalar(value));
    }

    [Fact]
    public void Numbers_and_booleans_are_bare_and_null_values_are_left_out()
    {
        var yaml = YamlEmitter.Write([new YamlMap { { "replicas", 1 }, { "big", 30_000_000L }, { "on", true }, { "missing", null }, { "empty", new YamlMap() }, { "none", Array.Empty<string>() } }]);

        Assert.Equal("---\nreplicas: 1\nbig: 30000000\n\"on\": true\nempty: {}\nnone: []\n", yaml);
    }

    [Fact]
    public void Nested_maps_and_lists_of_maps_are_indented_blocks()
    {
        var yaml = YamlEmitter.Write([new YamlMap { { "spec", new YamlMap { { "ports", new[] { new YamlMap { { "name", "rpc" }, { "port", 8545 } } } } } } }]);

        Assert.Equal("---\nspec:\n  ports:\n    - name: rpc\n      port: 8545\n", yaml);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1e3")]
    [InlineData("null")]
    [InlineData("a: b")]
    [InlineData("#x")]
    public void A_hardfork_or_network_name_that_looks_like_something_else_stays_a_string(string value)
    {
        var documents = Render(Network(name: value, id: value, nodes: value), Profile(hardfork: value), new KubernetesOptions());

        var data = Path(Single(documents, "ConfigMap"), "data");
        Assert.Equal(value, Path(data, "HARDFORK"));
        Assert.Equal(value, Path(data, "NODE_NAME"));
        var args = (List<object?>)Path(Single(documents, "StatefulSet"), "spec|template|spec|containers|0|args")!;
        Assert.Equal(value, args[args.IndexOf("--hardfork") + 1]);
        Assert.All(documents, d => Assert.IsType<string>(Path(d, "metadata|labels|app.kubernetes.io/instance")));
    }
}
