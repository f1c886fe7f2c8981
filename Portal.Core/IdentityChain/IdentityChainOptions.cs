using System.ComponentModel.DataAnnotations;

namespace NutPortal.Core.IdentityChain;

/// <summary>Identity-chain settings (Portal:IdentityChain).</summary>
public sealed class IdentityChainOptions
{
    public const string Section = "Portal:IdentityChain";

    /// <summary>How long a challenge can be answered.</summary>
    [Range(10, 3600)]
    public int ChallengeSeconds { get; set; } = 120;

    /// <summary>Unanswered, unexpired challenges one identity (or one user's registrations) may hold at once.</summary>
    [Range(1, 1000)]
    public int MaxOpenChallenges { get; set; } = 20;
}
