using Ganss.Xss;
using Markdig;

namespace NutPortal.Core.Community;

/// <summary>
/// Markdown written by users (DApp descriptions, reviews, threads, replies) to HTML that is safe to put in a page:
/// Markdig renders it, HtmlSanitizer keeps only harmless tags, attributes and URL schemes (no scripts, event
/// handlers, javascript: links, iframes or forms).
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras().UsePipeTables().UseTaskLists().UseAutoLinks().UseSoftlineBreakAsHardlineBreak().Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        return _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        // Links written by users leave the portal without its referrer or a handle on the opener.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link && link.HasAttribute("href"))
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
                link.SetAttribute("target", "_blank");
            }
        };
        sanitizer.AllowedAttributes.Add("rel");
        sanitizer.AllowedAttributes.Add("target");
        return sanitizer;
    }
}
