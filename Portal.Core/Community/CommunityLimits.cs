namespace NutPortal.Core.Community;

public static class CommunityLimits
{
    public const int TitleLength = 150;
    public const int BodyLength = 10_000;
    public const int ReasonLength = 500;
}
