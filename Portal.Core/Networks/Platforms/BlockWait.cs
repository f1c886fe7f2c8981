namespace NutPortal.Core.Networks.Platforms;

/// <summary>Waits for a chain condition during deployment checks, failing with a step error (what happened and what to do) on timeout.</summary>
public static class BlockWait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string message, string hint, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (NodeRpcException) when (DateTime.UtcNow < deadline)
            {
                // a node busy importing misses an answer; the deadline still holds
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new NodeStartException(message, hint);
            }
            await Task.Delay(200, ct);
        }
    }
}
