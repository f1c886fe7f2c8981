using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Core.Wallets;

/// <summary>The parts of ERC-20 and ERC-721 a wallet calls, through the portal's ABI encoder.</summary>
internal static class TokenAbi
{
    private static readonly ContractAbi Abi = ContractAbi.Parse("""
        [
          {"type":"function","name":"balanceOf","stateMutability":"view","inputs":[{"name":"owner","type":"address"}],"outputs":[{"name":"","type":"uint256"}]},
          {"type":"function","name":"decimals","stateMutability":"view","inputs":[],"outputs":[{"name":"","type":"uint8"}]},
          {"type":"function","name":"symbol","stateMutability":"view","inputs":[],"outputs":[{"name":"","type":"string"}]},
          {"type":"function","name":"name","stateMutability":"view","inputs":[],"outputs":[{"name":"","type":"string"}]},
          {"type":"function","name":"transfer","stateMutability":"nonpayable","inputs":[{"name":"to","type":"address"},{"name":"value","type":"uint256"}],"outputs":[{"name":"","type":"bool"}]},
          {"type":"function","name":"ownerOf","stateMutability":"view","inputs":[{"name":"tokenId","type":"uint256"}],"outputs":[{"name":"","type":"address"}]},
          {"type":"function","name":"transferFrom","stateMutability":"nonpayable","inputs":[{"name":"from","type":"address"},{"name":"to","type":"address"},{"name":"tokenId","type":"uint256"}],"outputs":[]}
        ]
        """);

    public static AbiFunction BalanceOf { get; } = Abi.GetFunction("balanceOf");

    public static AbiFunction Decimals { get; } = Abi.GetFunction("decimals");

    public static AbiFunction Symbol { get; } = Abi.GetFunction("symbol");

    public static AbiFunction Name { get; } = Abi.GetFunction("name");

    public static AbiFunction Transfer { get; } = Abi.GetFunction("transfer");

    public static AbiFunction OwnerOf { get; } = Abi.GetFunction("ownerOf");

    public static AbiFunction TransferFrom { get; } = Abi.GetFunction("transferFrom");
}
