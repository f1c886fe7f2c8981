using NutPortal.Core.Community;

namespace NutPortal.Tests.Community;

/// <summary>What users write is shown as formatted text, and nothing in it runs in another user's page.</summary>
public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("[x](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "alert")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<script")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>", "style")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "data:")]
    [InlineData("<form action=\"https://evil.example\"><input name=p></form>", "<form")]
    [InlineData("<object data=\"x.swf\"></object>", "<object")]
    public void Scripts_and_active_content_in_markdown_are_removed(string markdown, string forbidden)
    {
        var html = _renderer.ToSafeHtml("Hello " + markdown);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Hello", html);
    }

    [Fact]
    public void Formatting_tables_and_links_survive_and_links_open_apart()
    {
        var html = _renderer.ToSafeHtml("# Title\n\n**bold** _it_ `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://example.org/docs)");

        Assert.Contains("<h1", html);
        Assert.Contains("<strong>bold</strong>", html);
        Assert.Contains("<em>it</em>", html);
        Assert.Contains("<code>code</code>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"https://example.org/docs\"", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
        Assert.Equal("", _renderer.ToSafeHtml("   "));
    }
}
