namespace NutPortal.Core.Ethereum.Abi;

/// <summary>Decodes logs: indexed arguments from topics, the rest from data, returned in declaration order.</summary>
public static class EventDecoder
{
    public static IReadOnlyList<object?> Decode(AbiEvent abiEvent, IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(abiEvent);
        ArgumentNullException.ThrowIfNull(topics);
        var indexed = abiEvent.Inputs.Where(p => p.Indexed).ToList();
        var first = abiEvent.Anonymous ? 0 : 1;
        if (topics.Count != indexed.Count + first)
        {
            throw new AbiException($"{abiEvent.Signature} expects {indexed.Count + first} topics, got {topics.Count}.");
        }
        if (!abiEvent.Anonymous && !topics[0].AsSpan().SequenceEqual(abiEvent.Topic))
        {
            throw new AbiException($"topic0 does not match {abiEvent.Signature}.");
        }
        var plain = AbiDecoder.Decode(abiEvent.Inputs.Where(p => !p.Indexed).Select(p => p.Type).ToList(), data);
        var values = new List<object?>(abiEvent.Inputs.Count);
        int nextTopic = first, nextPlain = 0;
        foreach (var p in abiEvent.Inputs)
        {
            if (!p.Indexed)
            {
                values.Add(plain[nextPlain++]);
                continue;
            }
            var topic = topics[nextTopic++];
            if (topic.Length != 32)
            {
                throw new AbiException($"Topic for '{p.Name}' is {topic.Length} bytes; expected 32.");
            }
            // Dynamic types and tuples/arrays are stored as the hash of their encoding.
            values.Add(p.Type.IsDynamic || p.Type.Kind is AbiKind.Array or AbiKind.Tuple
                ? new IndexedHash(topic)
                : AbiDecoder.DecodeValue(p.Type, topic));
        }
        return values;
    }
}
