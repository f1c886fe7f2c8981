using System.Diagnostics;

namespace NutPortal.Core.Networks.Drivers;

/// <summary>Process checks and signals by id, for nodes the portal did not start in this run (re-adopted).</summary>
internal static class ProcessSignals
{
    public static void Terminate(int pid) => Signal(pid, "TERM");

    public static void Kill(int pid) => Signal(pid, "KILL");

    /// <summary>True while /proc has the process and it is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat.LastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.Length && stat[afterName + 2] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static void Signal(int pid, string signal)
    {
        // The kill(1) utility rather than P/Invoke: no unsafe code, and the process may not be our child.
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { RedirectStandardError = true });
        kill?.WaitForExit(5000);
    }
}
