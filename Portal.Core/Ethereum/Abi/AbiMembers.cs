using Nethereum.Util;

namespace NutPortal.Core.Ethereum.Abi;

/// <summary>Common shape of functions, events, errors and constructors: a name and typed inputs.</summary>
public abstract class AbiMember(string name, IReadOnlyList<AbiParameter> inputs)
{
    public string Name { get; } = name;

    public IReadOnlyList<AbiParameter> Inputs { get; } = inputs;

    public IReadOnlyList<AbiType> InputTypes => Inputs.Select(p => p.Type).ToList();

    /// <summary>Canonical signature, e.g. "transfer(address,uint256)".</summary>
    public string Signature { get; } = SignatureOf(name, inputs);

    public override string ToString() => Signature;

    internal static string SignatureOf(string name, IReadOnlyList<AbiParameter> inputs) =>
        $"{name}({string.Join(",", inputs.Select(p => p.Type.CanonicalName))})";

    internal static byte[] SelectorOf(string signature) => Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(signature))[..4];
}

public sealed class AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter> outputs, string stateMutability)
    : AbiMember(name, inputs)
{
    public IReadOnlyList<AbiParameter> Outputs { get; } = outputs;

    /// <summary>"pure", "view", "nonpayable" or "payable".</summary>
    public string StateMutability { get; } = stateMutability;

    public bool IsReadOnly => StateMutability is "view" or "pure";

    private readonly byte[] _selector = SelectorOf(SignatureOf(name, inputs));

    /// <summary>First 4 bytes of keccak256(signature) (a copy).</summary>
    public byte[] Selector => (byte[])_selector.Clone();

    /// <summary>Calldata: selector followed by the encoded arguments.</summary>
    public byte[] EncodeCall(params IReadOnlyList<object?> args) => [.. Selector, .. AbiEncoder.Encode(InputTypes, args)];

    /// <summary>Decodes calldata (checks the selector).</summary>
    public IReadOnlyList<object?> DecodeCall(ReadOnlySpan<byte> calldata)
    {
        if (calldata.Length < 4 || !calldata[..4].SequenceEqual(Selector))
        {
            throw new AbiException($"Calldata does not start with the selector of {Signature}.");
        }
        return AbiDecoder.Decode(InputTypes, calldata[4..]);
    }

    /// <summary>Decodes return data.</summary>
    public IReadOnlyList<object?> DecodeOutput(ReadOnlySpan<byte> data) => AbiDecoder.Decode(Outputs.Select(p => p.Type).ToList(), data);
}

public sealed class AbiEvent(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous) : AbiMember(name, inputs)
{
    public bool Anonymous { get; } = anonymous;

    private readonly byte[] _topic = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(SignatureOf(name, inputs)));

    /// <summary>topic0: keccak256 of the signature (a copy).</summary>
    public byte[] Topic => (byte[])_topic.Clone();

    /// <summary>Decodes a log against this event; see <see cref="EventDecoder"/>.</summary>
    public IReadOnlyList<object?> DecodeLog(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data) => EventDecoder.Decode(this, topics, data);
}

public sealed class AbiError(string name, IReadOnlyList<AbiParameter> inputs) : AbiMember(name, inputs)
{
    private readonly byte[] _selector = SelectorOf(SignatureOf(name, inputs));

    /// <summary>First 4 bytes of keccak256(signature) (a copy).</summary>
    public byte[] Selector => (byte[])_selector.Clone();

    /// <summary>Decodes revert data (selector + arguments).</summary>
    public IReadOnlyList<object?> DecodeData(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4 || !revertData[..4].SequenceEqual(Selector))
        {
            throw new AbiException($"Revert data does not start with the selector of {Signature}.");
        }
        return AbiDecoder.Decode(InputTypes, revertData[4..]);
    }
}

public sealed class AbiConstructor(IReadOnlyList<AbiParameter> inputs, string stateMutability) : AbiMember("constructor", inputs)
{
    public string StateMutability { get; } = stateMutability;

    /// <summary>Deployment data: creation bytecode followed by the encoded constructor arguments.</summary>
    public byte[] EncodeDeploy(ReadOnlySpan<byte> bytecode, params IReadOnlyList<object?> args) =>
        [.. bytecode, .. AbiEncoder.Encode(InputTypes, args)];
}

/// <summary>An indexed event argument of dynamic type: the log carries only keccak256 of its encoding.</summary>
public sealed record IndexedHash(byte[] Hash)
{
    public override string ToString() => Hex.Encode(Hash);
}
