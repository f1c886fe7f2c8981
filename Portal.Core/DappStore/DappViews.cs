using NutPortal.Core.Scanning;

namespace NutPortal.Core.DappStore;

public enum DappSort
{
    Newest,
    Rating,
    Activity,
}

/// <summary>A page of the store: search in name and summary, one category, a sort, or only the caller's own DApps (any state).</summary>
public sealed record DappQuery(string? Search = null, string? Category = null, DappSort Sort = DappSort.Newest, bool Mine = false, int Page = 0, int PageSize = 12);

public sealed record DappListItem(string Id, string Name, string Summary, string Category, DappState State, string NetworkId, string NetworkName, string Platform,
    string OwnerName, DateTime? PublishedAt, DateTime CreatedAt, double? Rating, int RatingCount, int ThreadCount, bool HasIcon);

/// <summary>The newest completed scan of a contract's version: its findings by severity.</summary>
public sealed record ScanSummary(string ScanId, ScanStatus Status, int High, int Medium, int Low, DateTime CreatedAt);

/// <summary>A DApp's contract with its project version's source and the scan of that version.</summary>
public sealed record DappContractView(long Id, string Address, string Name, string ProjectId, int VersionNumber, string CompilerVersion, string AbiJson,
    IReadOnlyDictionary<string, string> Sources, ScanSummary? Scan);

public sealed record DappDetail(Dapp Dapp, string NetworkName, string Platform, string Consensus, int NodeCount, IReadOnlyList<DappContractView> Contracts,
    DappBundle? Bundle, double? Rating, int RatingCount, bool CanManage);
