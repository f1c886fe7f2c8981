using System.Text.Json;
using System.Text.RegularExpressions;
using NutPortal.Core.Tooling;

namespace NutPortal.Core.Solidity;

/// <summary>An installed solc-js package (npm alias such as solc-0.4.26 or the plain solc package).</summary>
public sealed record SolcInstallation(SolcVersion Version, string PackageDirectory);

/// <summary>Finds the solc-js packages under node_modules and picks one for a request.</summary>
public sealed partial class SolcCatalog
{
    public SolcCatalog(string? nodeProjectRoot)
    {
        var root = nodeProjectRoot ?? RepositoryLayout.NodeProjectRoot;
        var modules = root is null ? null : Path.Combine(root, "node_modules");
        Installations = modules is null || !Directory.Exists(modules)
            ? []
            : Directory.EnumerateDirectories(modules, "solc*")
                .Select(Read)
                .OfType<SolcInstallation>()
                .GroupBy(i => i.Version)
                .Select(g => g.First())
                .OrderByDescending(i => i.Version)
                .ToList();
    }

    /// <summary>Installed compilers, highest version first.</summary>
    public IReadOnlyList<SolcInstallation> Installations { get; }

    /// <summary>
    /// The compiler for <paramref name="request"/>: an explicit version or range wins; otherwise the highest
    /// installed version satisfying every <c>pragma solidity</c> in the sources.
    /// </summary>
    public SolcInstallation Select(SolidityCompileRequest request)
    {
        var ranges = new List<SolcVersionRange>();
        try
        {
            if (!string.IsNullOrWhiteSpace(request.Version))
            {
                ranges.Add(SolcVersionRange.Parse(request.Version));
            }
            else
            {
                ranges.AddRange(request.Sources.Values.SelectMany(Pragmas).Select(SolcVersionRange.Parse));
            }
        }
        catch (FormatException e)
        {
            throw new SolidityCompilerException(SolidityFailure.UnsupportedVersion, $"{e.Message}. {InstalledText()}", e);
        }
        return Installations.FirstOrDefault(i => ranges.All(r => r.IsSatisfiedBy(i.Version)))
            ?? throw new SolidityCompilerException(
                SolidityFailure.UnsupportedVersion,
                $"No installed compiler satisfies {(ranges.Count == 0 ? "(any version)" : string.Join(" and ", ranges.Select(r => $"'{r}'")))}. {InstalledText()}");
    }

    /// <summary>The newest 0.4.x package, whose wrapper gives pre-0.4.11 compilers a standard JSON interface.</summary>
    public SolcInstallation? LegacyWrapperFor(SolcInstallation installation) =>
        installation.Version is { Major: 0, Minor: 4, Patch: < 11 }
            ? Installations.FirstOrDefault(i => i.Version is { Major: 0, Minor: 4, Patch: >= 11 })
            : null;

    /// <summary>The version expressions of every <c>pragma solidity</c> outside comments and strings.</summary>
    public static IEnumerable<string> Pragmas(string source) =>
        PragmaPattern().Matches(CommentOrString().Replace(source, m => m.Value.StartsWith('/') ? " " : "\"\""))
            .Select(m => m.Groups[1].Value.Trim());

    private string InstalledText() =>
        Installations.Count == 0
            ? "No solc packages are installed under node_modules (run npm ci)."
            : $"Installed: {string.Join(", ", Installations.Select(i => i.Version))}.";

    private static SolcInstallation? Read(string directory)
    {
        var manifest = Path.Combine(directory, "package.json");
        if (!File.Exists(manifest) || !File.Exists(Path.Combine(directory, "soljson.js")))
        {
            return null;
        }
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        var root = json.RootElement;
        return root.TryGetProperty("name", out var name) && name.GetString() == "solc"
            && root.TryGetProperty("version", out var version) && SolcVersion.TryParse(version.GetString(), out var parsed)
            ? new SolcInstallation(parsed, Path.GetFullPath(directory))
            : null;
    }

    [GeneratedRegex(@"\bpragma\s+solidity\s+([^;]+);")]
    private static partial Regex PragmaPattern();

    [GeneratedRegex(@"//[^\n]*|/\*[\s\S]*?\*/|""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])*'")]
    private static partial Regex CommentOrString();
}
