using System.IO.Compression;
using System.Text;

namespace NutPortal.Tests.DappStore;

/// <summary>Zip archives made in memory for upload tests, honest and hostile.</summary>
internal static class BundleZips
{
    public const string IndexHtml = "<!doctype html><html><head><title>Nut DApp</title><script src=\"app.js\"></script></head><body><h1 id=\"t\">Nut DApp</h1></body></html>";

    public static byte[] Make(params (string Name, byte[] Content)[] entries) => Make(entries.Select(e => (e.Name, e.Content, 0)).ToArray());

    public static byte[] Make(params (string Name, byte[] Content, int UnixMode)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, mode) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
                if (mode != 0)
                {
                    entry.ExternalAttributes = mode << 16;
                }
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    public static byte[] Good() => Make(("index.html", Text(IndexHtml)), ("app.js", Text("document.getElementById('t').textContent = 'ran';")), ("css/site.css", Text("h1{color:red}")));
}
