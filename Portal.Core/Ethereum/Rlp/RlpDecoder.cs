namespace NutPortal.Core.Ethereum.Rlp;

/// <summary>Strict RLP decoding: rejects non-canonical forms, truncation and trailing bytes.</summary>
public static class RlpDecoder
{
    /// <summary>Nesting beyond this is rejected so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 256;

    /// <summary>Decodes exactly one item spanning all of <paramref name="data"/>.</summary>
    public static RlpItem Decode(ReadOnlySpan<byte> data)
    {
        var pos = 0;
        var item = ReadItem(data, ref pos, data.Length, 0);
        if (pos != data.Length)
        {
            throw RlpException.At(pos, $"{data.Length - pos} trailing byte(s) after the item.");
        }
        return item;
    }

    private static RlpItem ReadItem(ReadOnlySpan<byte> data, ref int pos, int end, int depth)
    {
        var start = pos;
        var (isList, payloadStart, length) = ReadHeader(data, pos, end);
        pos = payloadStart + length;
        if (!isList)
        {
            var bytes = data.Slice(payloadStart, length).ToArray();
            if (length == 1 && payloadStart != start && bytes[0] < 0x80)
            {
                throw RlpException.At(start, "single byte below 0x80 must be encoded as itself, not as a string.");
            }
            return RlpItem.FromBytes(bytes);
        }
        if (depth >= MaxDepth)
        {
            throw RlpException.At(start, $"nesting deeper than {MaxDepth} lists.");
        }
        var items = new List<RlpItem>();
        var inner = payloadStart;
        while (inner < pos)
        {
            items.Add(ReadItem(data, ref inner, pos, depth + 1));
        }
        return RlpItem.FromList(items);
    }

    /// <summary>Parses the prefix at <paramref name="pos"/>; validates that the payload fits before <paramref name="end"/>.</summary>
    private static (bool IsList, int PayloadStart, int Length) ReadHeader(ReadOnlySpan<byte> data, int pos, int end)
    {
        if (pos >= end)
        {
            throw RlpException.At(pos, "unexpected end of input (truncated).");
        }
        var prefix = data[pos];
        if (prefix < 0x80)
        {
            return (false, pos, 1);
        }
        var isList = prefix >= 0xc0;
        var shortBase = isList ? 0xc0 : 0x80;
        int length;
        int payloadStart;
        if (prefix <= shortBase + 55)
        {
            length = prefix - shortBase;
            payloadStart = pos + 1;
        }
        else
        {
            var lenOfLen = prefix - shortBase - 55;
            if (pos + 1 + lenOfLen > end)
            {
                throw RlpException.At(pos, $"length-of-length {lenOfLen} runs past the end of input (truncated).");
            }
            if (data[pos + 1] == 0)
            {
                throw RlpException.At(pos + 1, "length has a leading zero byte (non-canonical).");
            }
            ulong len = 0;
            for (var i = 0; i < lenOfLen; i++)
            {
                len = (len << 8) | data[pos + 1 + i];
            }
            if (len < 56)
            {
                throw RlpException.At(pos, $"long form used for a {len}-byte payload (non-canonical).");
            }
            payloadStart = pos + 1 + lenOfLen;
            if (len > (ulong)(end - payloadStart))
            {
                throw RlpException.At(pos, $"declared length {len} runs past the end of input (truncated).");
            }
            length = (int)len;
        }
        if (payloadStart + length > end)
        {
            throw RlpException.At(pos, $"declared length {length} runs past the end of input (truncated).");
        }
        return (isList, payloadStart, length);
    }
}
