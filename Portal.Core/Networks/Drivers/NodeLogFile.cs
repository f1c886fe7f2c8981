using System.Text;

namespace NutPortal.Core.Networks.Drivers;

/// <summary>Reads the end of a node's log without loading the whole file, and rotates it by copy-and-truncate.</summary>
internal static class NodeLogFile
{
    private const int TailBytes = 256 * 1024;

    public static IReadOnlyList<string> Tail(string path, int max)
    {
        if (!File.Exists(path) || max <= 0)
        {
            return [];
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var start = Math.Max(0, stream.Length - TailBytes);
        stream.Seek(start, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (start > 0 && lines.Count > 0)
        {
            lines.RemoveAt(0); // a partial first line
        }
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines.Count <= max ? lines : lines.GetRange(lines.Count - max, max);
    }

    public static void RotateIfLarger(string path, long maxBytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length <= maxBytes)
        {
            return;
        }
        // The node appends with O_APPEND, so truncating in place is safe while it writes.
        File.Copy(path, path + ".1", overwrite: true);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        stream.SetLength(0);
    }
}
