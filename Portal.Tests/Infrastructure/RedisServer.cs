using System.Diagnostics;
using System.Net.Sockets;

namespace NutPortal.Tests.Infrastructure;

/// <summary>A real redis-server (Debian's package) on a free loopback port, without persistence, for one test class.</summary>
public sealed class RedisServer : IDisposable
{
    public const string Binary = "/usr/bin/redis-server";

    private readonly Process _process;
    private readonly string _directory;

    public RedisServer()
    {
        Port = FreePorts.Next();
        _directory = Directory.CreateTempSubdirectory("nutportal-redis-").FullName;
        if (!File.Exists(Binary))
        {
            _process = new Process();
            return; // the tests using it are skipped with the reason (ReplicaFact)
        }
        var psi = new ProcessStartInfo(Binary)
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _directory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var i = 0; i < 100 && !Answers(); i++)
        {
            Thread.Sleep(50); // the server starts in a few milliseconds; a fixture constructor cannot await
        }
    }

    public int Port { get; }

    /// <summary>The <c>Portal:Redis</c> value for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Why tests needing Redis and PostgreSQL cannot run here, or null when they can.</summary>
    public static string? MissingWithPostgres =>
        !File.Exists(Binary) ? $"{Binary} is not installed (apt-get install redis-server; .ci/run installs it)."
        : TestDatabase.PostgresServer is null ? "NUTPORTAL_TEST_POSTGRES is not set (several replicas need PostgreSQL)."
        : null;

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient("127.0.0.1", Port);
            using var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[7];
            return stream.Read(buffer) > 0 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (File.Exists(Binary) && !_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private bool _disposed;
}

/// <summary>A fact that needs redis-server and PostgreSQL; skipped with the reason when either is missing.</summary>
public sealed class ReplicaFactAttribute : FactAttribute
{
    public ReplicaFactAttribute()
    {
        Timeout = 180_000;
        Skip = RedisServer.MissingWithPostgres;
    }
}

/// <summary>A fact that needs redis-server; skipped with the reason when it is not installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        Timeout = 120_000;
        Skip = File.Exists(RedisServer.Binary) ? null : $"{RedisServer.Binary} is not installed (apt-get install redis-server; .ci/run installs it).";
    }
}
