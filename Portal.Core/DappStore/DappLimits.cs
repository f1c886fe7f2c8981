namespace NutPortal.Core.DappStore;

/// <summary>Field lengths, checked with a clear message before anything is stored.</summary>
public static class DappLimits
{
    public const int NameLength = 80;
    public const int SummaryLength = 200;
    public const int DescriptionLength = 20_000;
    public const int MaxContracts = 20;
}
