namespace NutPortal.Core.Ethereum.JsonRpc;

/// <summary>A block selector: a tag ("latest", "pending", "earliest", "safe", "finalized") or a block number.</summary>
public readonly record struct BlockParameter
{
    private readonly string? _tag;
    private readonly bool _isNumber;

    private BlockParameter(string? tag, ulong number)
    {
        _tag = tag;
        _isNumber = tag is null;
        Number = number;
    }

    public static BlockParameter Latest { get; } = new("latest", 0);
    public static BlockParameter Pending { get; } = new("pending", 0);
    public static BlockParameter Earliest { get; } = new("earliest", 0);
    public static BlockParameter Safe { get; } = new("safe", 0);
    public static BlockParameter Finalized { get; } = new("finalized", 0);

    /// <summary>The block number, when this is not a tag.</summary>
    public ulong Number { get; }

    public bool IsTag => _tag is not null;

    public static BlockParameter FromNumber(ulong number) => new(null, number);

    public static implicit operator BlockParameter(ulong number) => FromNumber(number);

    public static BlockParameter Parse(string text) => text switch
    {
        "latest" => Latest,
        "pending" => Pending,
        "earliest" => Earliest,
        "safe" => Safe,
        "finalized" => Finalized,
        _ => FromNumber(Quantity.ParseUInt64(text)),
    };

    // default(BlockParameter) has neither tag nor explicit number: treat it as "latest", the usual default.
    public override string ToString() => _tag ?? (_isNumber ? Quantity.Format(Number) : "latest");
}
