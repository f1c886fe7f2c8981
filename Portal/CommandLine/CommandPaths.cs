using NutPortal.Core.Tooling;

namespace NutPortal.Web.CommandLine;

/// <summary>
/// Paths given on the command line. `dotnet run --project Portal` starts the portal in the project folder, so a
/// path written relative to the repository root (as the README does) is tried there when it is not found here.
/// </summary>
internal static class CommandPaths
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || Path.Exists(path) || RepositoryLayout.NodeProjectRoot is not { } root)
        {
            return path;
        }
        var fromRoot = Path.GetFullPath(Path.Combine(root, path));
        return Path.Exists(fromRoot) || Directory.Exists(Path.GetDirectoryName(fromRoot)) ? fromRoot : path;
    }
}
