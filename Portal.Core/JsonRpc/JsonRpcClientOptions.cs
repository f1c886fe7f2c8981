namespace NutPortal.Core.JsonRpc;

public sealed class JsonRpcClientOptions
{
    /// <summary>Default time limit of one call or batch (a call may pass its own).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response body accepted; a bigger one fails rather than exhausting memory.</summary>
    public long MaxResponseBytes { get; set; } = 128L * 1024 * 1024;
}
