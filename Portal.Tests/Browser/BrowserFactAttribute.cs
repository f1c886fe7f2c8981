namespace NutPortal.Tests.Browser;

/// <summary>Browser tests get a longer timeout; they need Debian's Chromium (installed by .ci/run).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        Timeout = 120_000;
    }
}
