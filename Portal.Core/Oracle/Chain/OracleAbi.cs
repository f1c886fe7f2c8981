using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Core.Oracle.Chain;

/// <summary>The parts of NutOracle's ABI the portal uses (the same signatures as <see cref="OracleContractSource.NutOracle"/>).</summary>
public static class OracleAbi
{
    public static ContractAbi Abi { get; } = ContractAbi.Parse("""
[
  { "type": "event", "name": "OracleRequested", "anonymous": false, "inputs": [
    { "name": "requestId", "type": "uint256", "indexed": true }, { "name": "requester", "type": "address", "indexed": true },
    { "name": "url", "type": "string", "indexed": false }, { "name": "selector", "type": "string", "indexed": false },
    { "name": "resultType", "type": "uint8", "indexed": false }, { "name": "decimals", "type": "uint8", "indexed": false },
    { "name": "callback", "type": "bytes4", "indexed": false } ] },
  { "type": "event", "name": "OracleFulfilled", "anonymous": false, "inputs": [
    { "name": "requestId", "type": "uint256", "indexed": true }, { "name": "errorCode", "type": "uint16", "indexed": false },
    { "name": "delivered", "type": "bool", "indexed": false } ] },
  { "type": "function", "name": "request", "stateMutability": "nonpayable", "outputs": [{ "name": "requestId", "type": "uint256" }], "inputs": [
    { "name": "url", "type": "string" }, { "name": "selector", "type": "string" }, { "name": "resultType", "type": "uint8" },
    { "name": "decimals", "type": "uint8" }, { "name": "callback", "type": "bytes4" } ] },
  { "type": "function", "name": "fulfill", "stateMutability": "nonpayable", "outputs": [], "inputs": [
    { "name": "requestId", "type": "uint256" }, { "name": "errorCode", "type": "uint16" }, { "name": "value", "type": "bytes" } ] }
]
""");

    public static AbiEvent Requested { get; } = Abi.GetEvent("OracleRequested");

    public static AbiEvent Fulfilled { get; } = Abi.GetEvent("OracleFulfilled");

    public static AbiFunction Fulfill { get; } = Abi.GetFunction("fulfill");

    public static AbiFunction Request { get; } = Abi.GetFunction("request");

    /// <summary>The answer as the consumer's callback receives it: the value ABI-encoded as the requested type (empty on error).</summary>
    public static byte[] EncodeValue(OracleRequest request) => request is { Status: OracleStatus.Succeeded, Value: { } value }
        ? request.ResultType switch
        {
            OracleResultType.Int256 => Encode("int256", System.Numerics.BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
            OracleResultType.Bool => Encode("bool", value == "true"),
            OracleResultType.Bytes => Encode("bytes", Ethereum.Hex.Decode(value)),
            OracleResultType.Tuple => EncodeTuple(request.Selector, value),
            _ => Encode("string", value),
        }
        : [];

    /// <summary>abi.encode(a, b, ...) of the mapped fields: what abi.decode(data, (int256, bool, ...)) reads.</summary>
    private static byte[] EncodeTuple(string? mapping, string value)
    {
        var fields = OracleMapping.Parse(mapping).Fields;
        var texts = System.Text.Json.JsonSerializer.Deserialize<string[]>(value)!;
        var types = fields.Select(f => AbiType.Parse(AbiName(f.Type))).ToList();
        var values = fields.Select((f, i) => Typed(f.Type, texts[i])).ToList();
        return AbiEncoder.Encode(types, values);
    }

    private static string AbiName(OracleResultType type) => type switch
    {
        OracleResultType.Int256 => "int256",
        OracleResultType.Bool => "bool",
        OracleResultType.Bytes => "bytes",
        _ => "string",
    };

    private static object Typed(OracleResultType type, string text) => type switch
    {
        OracleResultType.Int256 => System.Numerics.BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        OracleResultType.Bool => text == "true",
        OracleResultType.Bytes => Ethereum.Hex.Decode(text),
        _ => text,
    };

    /// <summary>abi.encode(value): what Solidity's abi.decode(data, (type)) reads, with the offset of a dynamic type.</summary>
    private static byte[] Encode(string type, object value) => AbiEncoder.Encode([AbiType.Parse(type)], [value]);

    /// <summary>The error code the consumer reads: 0 ok, 1 the request failed, 2 refused, 3 no usable value.</summary>
    public static int ErrorCode(OracleRequest request) => request switch
    {
        { Status: OracleStatus.Succeeded } => OracleContractSource.Ok,
        { Error: { } e } when e.StartsWith("Refused", StringComparison.Ordinal) || e.StartsWith("Invalid request", StringComparison.Ordinal) => OracleContractSource.Refused,
        { HttpStatus: >= 200 and < 300 } => OracleContractSource.NoValue,
        // A network source that answered, but not with a usable value.
        { RawBody.Length: > 0 } when OracleNetworkSource.IsSourceUrl(request.Url) => OracleContractSource.NoValue,
        _ => OracleContractSource.RequestFailed,
    };
}
