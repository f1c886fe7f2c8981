using System.Collections.Concurrent;
using System.Diagnostics;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;

namespace NutPortal.Workers.Monitoring;

/// <summary>
/// Reads a local node's process from /proc: CPU time (as a share of wall time since the previous reading),
/// resident memory (VmRSS in /proc/&lt;pid&gt;/status) and the size of its data folder.
/// </summary>
public sealed class ProcessSampler(TimeProvider clock)
{
    // Keyed by node: a restarted node gets a new pid, and a deleted node's entry is dropped by its id.
    private readonly ConcurrentDictionary<string, (int Pid, TimeSpan Cpu, DateTimeOffset At)> _previous = new(StringComparer.Ordinal);

    public IEnumerable<MetricPoint> Sample(NetworkNode node, DateTime time)
    {
        if (node.ProcessId is { } pid && ReadCpu(pid) is { } cpu)
        {
            var now = clock.GetUtcNow();
            if (_previous.TryGetValue(node.Id, out var before) && before.Pid == pid && now > before.At)
            {
                var percent = (cpu - before.Cpu).TotalSeconds / (now - before.At).TotalSeconds * 100;
                yield return new MetricPoint(Metrics.CpuPercent, node.Id, time, Math.Max(0, Math.Round(percent, 2)));
            }
            _previous[node.Id] = (pid, cpu, now);
            if (ReadResidentBytes(pid) is { } rss)
            {
                yield return new MetricPoint(Metrics.MemoryBytes, node.Id, time, rss);
            }
        }
        yield return new MetricPoint(Metrics.DiskBytes, node.Id, time, FolderBytes(node.DataDirectory));
    }

    private static TimeSpan? ReadCpu(int pid)
    {
        try
        {
            // Process reads utime + stime from /proc/<pid>/stat and converts clock ticks with the system's rate.
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null; // the process is gone: nodeUp says so
        }
    }

    public static long? ReadResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    public static long FolderBytes(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }
        long total = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        try
        {
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", options))
            {
                try
                {
                    total += file.Length;
                }
                catch (IOException)
                {
                    // a file removed while walking (log rotation) is skipped
                }
            }
        }
        catch (IOException)
        {
        }
        return total;
    }

    /// <summary>Drops the readings of nodes that no longer exist.</summary>
    public void KeepOnly(IReadOnlySet<string> nodeIds)
    {
        foreach (var id in _previous.Keys.Where(id => !nodeIds.Contains(id)))
        {
            _previous.TryRemove(id, out _);
        }
    }

    public IReadOnlyCollection<string> Followed => [.. _previous.Keys];
}
