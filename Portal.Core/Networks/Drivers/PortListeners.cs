using System.Globalization;

namespace NutPortal.Core.Networks.Drivers;

/// <summary>
/// Which program listens on a TCP port, read from Linux's /proc: the listening sockets in /proc/net/tcp{,6} and the
/// process whose open files include that socket. Only listening sockets count (connections in TIME_WAIT or outbound
/// connections that happen to use a port of the range do not stop a node from binding it).
/// </summary>
public static class PortListeners
{
    private const string Listen = "0A";

    /// <summary>The first of <paramref name="count"/> ports from <paramref name="first"/> that something listens on, and who; null when all are free.</summary>
    public static (int Port, string Holder)? FirstHeld(int first, int count)
    {
        var listening = ListeningSockets();
        foreach (var port in Enumerable.Range(first, count))
        {
            if (listening.TryGetValue(port, out var inode))
            {
                return (port, HolderOf(inode));
            }
        }
        return null;
    }

    /// <summary>Listening TCP sockets (IPv4 and IPv6) by local port, each with its socket inode.</summary>
    private static Dictionary<int, string> ListeningSockets()
    {
        var sockets = new Dictionary<int, string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == Listen)
                {
                    sockets.TryAdd(int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture), fields[9]);
                }
            }
        }
        return sockets;
    }

    private static string HolderOf(string inode)
    {
        var target = $"socket:[{inode}]";
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid))
            {
                continue;
            }
            try
            {
                if (Directory.EnumerateFiles(Path.Combine(process, "fd")).Any(fd => new FileInfo(fd).LinkTarget == target))
                {
                    return $"process {pid} ({File.ReadAllText(Path.Combine(process, "comm")).Trim()})";
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // another user's process, or one that just ended
            }
        }
        return "a program the portal cannot see (another user's)";
    }
}
