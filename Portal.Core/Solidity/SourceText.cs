using System.Text;

namespace NutPortal.Core.Solidity;

/// <summary>
/// Maps solc's source offsets (UTF-8 byte offsets) to 1-based line and column counted in UTF-16 code units,
/// which is what .NET strings and browser editors index by.
/// </summary>
internal sealed class SourceText
{
    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = [0];

    public SourceText(string text)
    {
        _utf8 = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) Position(int byteOffset)
    {
        var offset = Math.Clamp(byteOffset, 0, _utf8.Length);
        var charIndex = Encoding.UTF8.GetCharCount(_utf8, 0, offset);
        var line = _lineStarts.BinarySearch(charIndex);
        if (line < 0)
        {
            line = ~line - 1;
        }
        return (line + 1, charIndex - _lineStarts[line] + 1);
    }
}
