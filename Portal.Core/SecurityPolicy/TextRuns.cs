using System.Text;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>Runs of readable text in bytes, UTF-8 and UTF-16, at least four characters long.</summary>
internal static class TextRuns
{
    private const int MinRun = 4;

    /// <summary>Maximal runs of valid UTF-8 without control characters, at least four characters long.</summary>
    public static IEnumerable<string> Utf8(ReadOnlySpan<byte> data)
    {
        var runs = new List<string>();
        var start = -1;
        var i = 0;
        while (i < data.Length)
        {
            var status = Rune.DecodeFromUtf8(data[i..], out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done && !Rune.IsControl(rune) && rune.Value != 0xFEFF)
            {
                start = start < 0 ? i : start;
                i += consumed;
                continue;
            }
            if (start >= 0)
            {
                AddRun(runs, Encoding.UTF8.GetString(data[start..i]));
                start = -1;
            }
            i++;
        }
        if (start >= 0)
        {
            AddRun(runs, Encoding.UTF8.GetString(data[start..]));
        }
        return runs;
    }

    /// <summary>Runs of UTF-16 (little- and big-endian) code units that are printable, at least four characters long.</summary>
    public static IEnumerable<string> Utf16(ReadOnlySpan<byte> data)
    {
        var runs = new List<string>();
        for (var bigEndian = 0; bigEndian < 2; bigEndian++)
        {
            for (var offset = 0; offset < 2; offset++)
            {
                var current = new StringBuilder();
                for (var i = offset; i + 1 < data.Length; i += 2)
                {
                    var c = (char)(bigEndian == 1 ? (data[i] << 8) | data[i + 1] : data[i] | (data[i + 1] << 8));
                    // Only code units outside one byte make it UTF-16 rather than UTF-8 text with zero padding.
                    if (!char.IsControl(c) && !char.IsSurrogate(c) && c != '\uFFFD' && c != '\uFEFF')
                    {
                        current.Append(c);
                    }
                    else
                    {
                        AddUtf16Run(runs, current);
                    }
                }
                AddUtf16Run(runs, current);
            }
        }
        return runs;
    }

    private static void AddUtf16Run(List<string> runs, StringBuilder current)
    {
        // UTF-16 of ASCII text has every other byte zero; text made only of chars that fill both bytes is mostly noise.
        var text = current.ToString();
        current.Clear();
        if (text.Length >= MinRun && text.Count(c => c < 0x80) * 2 >= text.Length)
        {
            runs.Add(text);
        }
    }

    private static void AddRun(List<string> runs, string text)
    {
        if (text.Length >= MinRun)
        {
            runs.Add(text);
        }
    }
}
