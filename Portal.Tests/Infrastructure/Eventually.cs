namespace NutPortal.Tests.Infrastructure;

/// <summary>Waits for a condition that background work makes true.</summary>
internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 100 ms; fails with <paramref name="failure"/> after <paramref name="timeout"/> (30 s).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string failure, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(failure);
            }
            await Task.Delay(100);
        }
    }
}
