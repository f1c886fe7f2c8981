namespace NutPortal.Core.Networks.Platforms;

/// <summary>Waits for a chain condition during deployment checks, failing with a step error (what happened and what to do) on timeout.</summary>
public static class BlockWait
{
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string message, string hint, CancellationToken ct) =>
        UntilAsync(condition, timeout, () => message, hint, ct);

    /// <summary>
    /// Waits until every node's height meets <paramref name="reached"/>; on timeout the step error names the nodes
    /// that did not, each with its last height or why it gave no answer (a node killed mid-deploy answers nothing).
    /// </summary>
    public static async Task UntilEveryNodeAsync(IReadOnlyList<NetworkNode> nodes, Func<NetworkNode, Task<long>> height, Func<long, bool> reached,
        TimeSpan timeout, string message, string hint, CancellationToken ct)
    {
        var behind = new List<string>();
        await UntilAsync(async () =>
        {
            var answers = await Task.WhenAll(nodes.Select(async n =>
            {
                try
                {
                    var h = await height(n);
                    return reached(h) ? null : $"{n.Name} at height {h}";
                }
                catch (NodeRpcException ex)
                {
                    return $"{n.Name} gave no answer ({ex.Message})";
                }
            }));
            behind = [.. answers.OfType<string>()];
            return behind.Count == 0;
        }, timeout, () => $"{message} Behind: {string.Join("; ", behind)}.", hint, ct);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> message, string hint, CancellationToken ct)
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
                throw new NodeStartException(message(), hint);
            }
            await Task.Delay(200, ct);
        }
    }
}
