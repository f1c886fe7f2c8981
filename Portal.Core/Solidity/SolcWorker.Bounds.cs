using System.Text;

namespace NutPortal.Core.Solidity;

/// <summary>Reading answers under the time and memory bounds, and turning failures into clear errors.</summary>
internal sealed partial class SolcWorker
{
    private async Task<string> ReadAsync(TimeSpan timeout, string doing, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var read = _stdout.ReadLineAsync(cts.Token);
        var memory = WatchMemoryAsync(cts.Token);
        var finished = await Task.WhenAny(read, memory, Task.Delay(timeout, cts.Token));
        await cts.CancelAsync();
        if (finished == read && read.IsCompletedSuccessfully && read.Result is { } line)
        {
            return line;
        }
        Kill();
        cancellationToken.ThrowIfCancellationRequested();
        if (finished == memory)
        {
            throw Failed($"{doing}: worker exceeded the memory limit of {_options.MemoryLimitBytes / (1024 * 1024)} MB and was killed", SolidityFailure.MemoryLimit);
        }
        if (finished == read && read.Exception?.InnerException is InvalidDataException tooBig)
        {
            throw Failed($"{doing}: {tooBig.Message}", SolidityFailure.OutputTooLarge);
        }
        if (finished == read)
        {
            await Task.Delay(50, CancellationToken.None); // let stderr drain so the message explains the exit
            throw Failed($"{doing}: worker exited unexpectedly. {StderrTail()}", SolidityFailure.WorkerFailed, read.Exception?.InnerException);
        }
        throw Failed($"{doing}: no answer within {timeout.TotalSeconds:0.###} s; worker killed", SolidityFailure.Timeout);
    }

    private async Task WatchMemoryAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(MemoryPollInterval, cancellationToken).ConfigureAwait(false);
            _process.Refresh();
            if (!_process.HasExited && _process.WorkingSet64 > _options.MemoryLimitBytes)
            {
                return;
            }
        }
    }

    private SolidityCompilerException Failed(string message, SolidityFailure failure, Exception? inner = null)
    {
        IsUsable = false;
        return new SolidityCompilerException(failure, message, inner);
    }

    private string StderrTail()
    {
        lock (_stderr)
        {
            var text = _stderr.ToString().Trim();
            return text.Length == 0 ? "" : $"stderr: {text[Math.Max(0, text.Length - 1000)..]}";
        }
    }
}
