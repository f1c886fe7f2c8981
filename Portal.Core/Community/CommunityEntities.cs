namespace NutPortal.Core.Community;

/// <summary>A user's rating (1 to 5 stars) and review of a DApp: one per user per DApp, editable.</summary>
public sealed class DappReview
{
    public long Id { get; set; }

    public required string DappId { get; set; }

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    public int Stars { get; set; }

    /// <summary>Markdown; may be empty (a rating without words).</summary>
    public required string Body { get; set; }

    public bool Hidden { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A discussion thread: about one DApp, or on the general board when <see cref="DappId"/> is null.</summary>
public sealed class CommunityThread
{
    public long Id { get; set; }

    public string? DappId { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public required string AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public int ReplyCount { get; set; }

    /// <summary>Hidden by an Admin: gone for everyone else, kept for the record.</summary>
    public bool Hidden { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The newest post in the thread (itself or a reply): the board sorts by it.</summary>
    public DateTime LastActivityAt { get; set; }
}

public sealed class CommunityReply
{
    public long Id { get; set; }

    public long ThreadId { get; set; }

    public required string Body { get; set; }

    public required string AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public bool Hidden { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public enum AbuseTarget
{
    Thread,
    Reply,
    Review,
}

/// <summary>A user's report that a post breaks the rules; Admins read them and may hide the post.</summary>
public sealed class AbuseReport
{
    public long Id { get; set; }

    public AbuseTarget Target { get; set; }

    public long TargetId { get; set; }

    public required string ReporterId { get; set; }

    public required string ReporterName { get; set; }

    public required string Reason { get; set; }

    public DateTime CreatedAt { get; set; }
}
