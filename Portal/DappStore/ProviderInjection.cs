using System.Text.RegularExpressions;

namespace NutPortal.Web.DappStore;

/// <summary>Puts the portal's provider script first in a DApp page: right after <c>&lt;head&gt;</c> (or <c>&lt;html&gt;</c>, or the
/// doctype), so it runs before any script of the page and the page keeps its standards mode.</summary>
public static partial class ProviderInjection
{
    public const string ScriptPath = "/js/dapp-provider.js";

    public static string Inject(string html, string scriptUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        var tag = $"<script src=\"{System.Net.WebUtility.HtmlEncode(scriptUrl)}\"></script>";
        foreach (var anchor in new[] { Head(), Html(), Doctype() })
        {
            var match = anchor.Match(html);
            if (match.Success)
            {
                return html.Insert(match.Index + match.Length, tag);
            }
        }
        return tag + html;
    }

    [GeneratedRegex(@"<head(\s[^>]*)?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Head();

    [GeneratedRegex(@"<html(\s[^>]*)?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Html();

    [GeneratedRegex(@"<!doctype[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Doctype();
}
