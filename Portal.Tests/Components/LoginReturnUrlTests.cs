using NutPortal.Web.Components.Account;

namespace NutPortal.Tests.Components;

public sealed class LoginReturnUrlTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/admin/jobs", "/admin/jobs")]
    [InlineData("admin/jobs?x=1", "/admin/jobs?x=1")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/path", "/")]
    [InlineData("/\\evil.example", "/")]
    public void Only_local_return_urls_are_followed_after_sign_in(string? returnUrl, string expected) =>
        Assert.Equal(expected, Login.LocalReturnUrl(returnUrl));
}
