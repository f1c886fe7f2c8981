namespace NutPortal.Core.Tooling;

/// <summary>
/// Finds the folder that holds the repository's package.json and node_modules, so that Node-side tools
/// (solc-js, anvil) and test peers resolve the same way from a source checkout, a build output folder or a
/// test run.
/// </summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The folder holding package.json and node_modules, or null when none is found.</summary>
    public static string? NodeProjectRoot => Root.Value;

    /// <summary>Path of an installed npm package's folder, or null when node_modules lacks it.</summary>
    public static string? NodePackage(string name)
    {
        var root = NodeProjectRoot;
        if (root is null)
        {
            return null;
        }
        var path = Path.Combine(root, "node_modules", name);
        return Directory.Exists(path) ? path : null;
    }

    private static string? FindRoot()
    {
        var overridden = Environment.GetEnvironmentVariable("NUTPORTAL_NODE_ROOT");
        if (!string.IsNullOrEmpty(overridden) && File.Exists(Path.Combine(overridden, "package.json")))
        {
            return overridden;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json"))
                    && Directory.Exists(Path.Combine(dir.FullName, "node_modules")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }
}
