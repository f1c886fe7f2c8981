using System.Text;

namespace NutPortal.Core.Solidity;

/// <summary>Reads '\n'-terminated lines with a length cap, so a runaway worker cannot exhaust host memory.</summary>
internal sealed class LineReader(TextReader reader, int maxChars)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;

    /// <summary>The next line without its terminator, or null at end of stream.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            var available = (newline >= 0 ? newline : _end) - _start;
            if (_line.Length + available > maxChars)
            {
                throw new InvalidDataException($"worker answer exceeds {maxChars} characters");
            }
            if (newline >= 0)
            {
                _line.Append(_buffer, _start, newline - _start);
                _start = newline + 1;
                var line = _line.ToString();
                _line.Clear();
                return line;
            }
            _line.Append(_buffer, _start, _end - _start);
            _start = _end = 0;
            var read = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
            if (read == 0)
            {
                return null;
            }
            _end = read;
        }
    }
}
