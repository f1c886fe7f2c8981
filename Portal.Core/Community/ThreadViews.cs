namespace NutPortal.Core.Community;

/// <summary>A thread in a list: the board, a DApp's discussions, or the dashboard.</summary>
public sealed record ThreadItem(long Id, string? DappId, string? DappName, string Title, string AuthorName, int ReplyCount, DateTime CreatedAt, DateTime LastActivityAt, bool Hidden);

/// <summary>A thread with its replies, oldest first.</summary>
public sealed record ThreadPage(CommunityThread Thread, string? DappName, IReadOnlyList<CommunityReply> Replies);

public enum ThreadSort
{
    Newest,
    Activity,
}
