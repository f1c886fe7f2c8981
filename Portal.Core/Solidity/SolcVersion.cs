using System.Globalization;

namespace NutPortal.Core.Solidity;

/// <summary>A solc release number (major.minor.patch); build metadata and prerelease tags are dropped.</summary>
public readonly record struct SolcVersion(int Major, int Minor, int Patch) : IComparable<SolcVersion>
{
    public int CompareTo(SolcVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    public static bool operator <(SolcVersion left, SolcVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(SolcVersion left, SolcVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(SolcVersion left, SolcVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(SolcVersion left, SolcVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    /// <summary>Parses "0.8.37", "v0.4.26" or "0.8.37+commit.f401782d.Emscripten.clang".</summary>
    public static bool TryParse(string? text, out SolcVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var core = text.Trim().TrimStart('v', 'V');
        var cut = core.IndexOfAny(['+', '-']);
        if (cut >= 0)
        {
            core = core[..cut];
        }
        var parts = core.Split('.');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
        {
            return false;
        }
        version = new SolcVersion(major, minor, patch);
        return true;
    }

    public static SolcVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a solc version");
}
