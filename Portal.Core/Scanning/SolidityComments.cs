using System.Text;

namespace NutPortal.Core.Scanning;

/// <summary>
/// Removes every comment from Solidity source before it is scanned, so no detector can read one. Comment
/// characters become spaces and newlines stay, so lines and columns of the code are unchanged. String
/// literals (which may contain "//") are kept as they are.
/// </summary>
public static class SolidityComments
{
    public static string Strip(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            var next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < source.Length && source[i] != '\n' && source[i] != '\r')
                {
                    text.Append(' ');
                    i++;
                }
            }
            else if (c == '/' && next == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                for (; i < end; i++)
                {
                    text.Append(source[i] is '\n' or '\r' ? source[i] : ' ');
                }
            }
            else if (c is '"' or '\'')
            {
                i = CopyString(source, i, text);
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        return text.ToString();
    }

    private static int CopyString(string source, int start, StringBuilder text)
    {
        var quote = source[start];
        text.Append(quote);
        var i = start + 1;
        while (i < source.Length && source[i] != quote && source[i] != '\n')
        {
            if (source[i] == '\\' && i + 1 < source.Length)
            {
                text.Append(source[i++]);
            }
            text.Append(source[i++]);
        }
        if (i < source.Length && source[i] == quote)
        {
            text.Append(source[i++]);
        }
        return i;
    }
}
