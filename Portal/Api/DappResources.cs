using NutPortal.Core.Community;
using NutPortal.Core.DappStore;
using NutPortal.Web.DappStore;

namespace NutPortal.Web.Api;

public sealed record DappListResource(string Id, string Name, string Summary, string Category, string State, string NetworkId, string NetworkName, string Platform,
    string OwnerName, DateTime? PublishedAt, double? Rating, int RatingCount, int ThreadCount, string? IconUrl)
{
    public static DappListResource From(DappListItem d) => new(d.Id, d.Name, d.Summary, d.Category, d.State.ToString().ToLowerInvariant(), d.NetworkId, d.NetworkName,
        d.Platform, d.OwnerName, d.PublishedAt, d.Rating, d.RatingCount, d.ThreadCount, d.HasIcon ? $"/api/v1/dapps/{d.Id}/icon" : null);
}

public sealed record DappContractResource(string Address, string Name, string ProjectId, int Version, string CompilerVersion, string Abi,
    IReadOnlyDictionary<string, string> Sources, ScanSummary? Scan);

public sealed record DappResource(string Id, string Name, string Summary, string Description, string DescriptionHtml, string Category, string State,
    string NetworkId, string NetworkName, string Platform, string Consensus, int NodeCount, string OwnerName, string FrontEnd, string? IconUrl, string? BundleUrl,
    int? BundleVersion, double? Rating, int RatingCount, bool CanManage, DateTime CreatedAt, DateTime UpdatedAt, DateTime? PublishedAt,
    IReadOnlyList<DappContractResource> Contracts)
{
    public static DappResource From(DappDetail d, MarkdownRenderer markdown) => new(d.Dapp.Id, d.Dapp.Name, d.Dapp.Summary, d.Dapp.Description,
        markdown.ToSafeHtml(d.Dapp.Description), d.Dapp.Category, d.Dapp.State.ToString().ToLowerInvariant(), d.Dapp.NetworkId, d.NetworkName, d.Platform,
        d.Consensus, d.NodeCount, d.Dapp.OwnerName, d.Dapp.FrontEnd.ToString().ToLowerInvariant(), d.Dapp.IconContentType is null ? null : $"/api/v1/dapps/{d.Dapp.Id}/icon",
        d.Bundle is null ? null : BundlePaths.Entry(d.Bundle), d.Bundle?.Version, d.Rating, d.RatingCount, d.CanManage, d.Dapp.CreatedAt, d.Dapp.UpdatedAt,
        d.Dapp.PublishedAt, [.. d.Contracts.Select(c => new DappContractResource(c.Address, c.Name, c.ProjectId, c.VersionNumber, c.CompilerVersion, c.AbiJson, c.Sources, c.Scan))]);
}

public sealed record BundleResource(string DappId, int Version, int FileCount, long TotalBytes, string Url, string UploadedBy, DateTime UploadedAt)
{
    public static BundleResource From(DappBundle b) => new(b.DappId, b.Version, b.FileCount, b.TotalBytes, BundlePaths.Entry(b), b.UploadedBy, b.UploadedAt);
}

public sealed record ReviewResource(long Id, string DappId, string UserName, int Stars, string Body, string Html, bool Hidden, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ReviewResource From(DappReview r, MarkdownRenderer markdown) =>
        new(r.Id, r.DappId, r.UserName, r.Stars, r.Body, markdown.ToSafeHtml(r.Body), r.Hidden, r.CreatedAt, r.UpdatedAt);
}

public sealed record ThreadItemResource(long Id, string? DappId, string? DappName, string Title, string AuthorName, int ReplyCount, DateTime CreatedAt,
    DateTime LastActivityAt, bool Hidden)
{
    public static ThreadItemResource From(ThreadItem t) => new(t.Id, t.DappId, t.DappName, t.Title, t.AuthorName, t.ReplyCount, t.CreatedAt, t.LastActivityAt, t.Hidden);
}

public sealed record ReplyResource(long Id, long ThreadId, string AuthorName, string Body, string Html, bool Hidden, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ReplyResource From(CommunityReply r, MarkdownRenderer markdown) =>
        new(r.Id, r.ThreadId, r.AuthorName, r.Body, markdown.ToSafeHtml(r.Body), r.Hidden, r.CreatedAt, r.UpdatedAt);
}

public sealed record ThreadResource(long Id, string? DappId, string? DappName, string Title, string AuthorName, string Body, string Html, int ReplyCount, bool Hidden,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime LastActivityAt, IReadOnlyList<ReplyResource> Replies)
{
    public static ThreadResource From(CommunityThread t, string? dappName, IReadOnlyList<CommunityReply> replies, MarkdownRenderer markdown) =>
        new(t.Id, t.DappId, dappName, t.Title, t.AuthorName, t.Body, markdown.ToSafeHtml(t.Body), t.ReplyCount, t.Hidden, t.CreatedAt, t.UpdatedAt, t.LastActivityAt,
            [.. replies.Select(r => ReplyResource.From(r, markdown))]);
}
