using NutPortal.Core.Scanning;

namespace NutPortal.Tests.Scanning;

public sealed class CommentStrippingTests
{
    [Fact]
    public void Every_comment_is_removed_and_lines_and_strings_are_kept()
    {
        const string source = "pragma solidity ^0.4.24; // tail\n/* block\n  // nested */ contract A {\n  string s = \"not // a comment\"; /** doc */\n}\n";

        var stripped = SolidityComments.Strip(source);

        Assert.DoesNotContain("tail", stripped, StringComparison.Ordinal);
        Assert.DoesNotContain("block", stripped, StringComparison.Ordinal);
        Assert.DoesNotContain("nested", stripped, StringComparison.Ordinal);
        Assert.DoesNotContain("doc", stripped, StringComparison.Ordinal);
        Assert.Contains("\"not // a comment\"", stripped, StringComparison.Ordinal);
        Assert.Equal(source.Split('\n').Length, stripped.Split('\n').Length);
        Assert.Equal(source.IndexOf("contract", StringComparison.Ordinal), stripped.IndexOf("contract", StringComparison.Ordinal));
    }
}
