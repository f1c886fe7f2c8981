namespace NutPortal.Core.Contracts.Templates;

/// <summary>The template library shown in the contract center; each template compiles with the bundled solc.</summary>
public static class ContractTemplates
{
    public static IReadOnlyList<ContractTemplate> All { get; } =
    [
        new("erc20", "ERC-20 token", "A fungible token with transfer, approve and transferFrom; the deployer receives the initial supply.", "Token", Erc20.Source),
        new("erc721", "ERC-721 collectible", "Non-fungible tokens with ownership, approvals and minting by the contract owner.", "Collectible", Erc721.Source),
        new("voting", "Voting", "A ballot: the chairperson registers voters, each voter votes once, anyone reads the winning proposal.", "Ballot", Voting.Source),
        new("escrow", "Escrow", "A buyer deposits payment; an arbiter releases it to the seller or refunds the buyer.", "Escrow", Escrow.Source),
        new("multisig", "Multisig wallet", "Owners submit transactions; a transaction executes once enough owners confirm it.", "MultiSigWallet", MultiSig.Source),
        new("htlc", "Hash-time-locked swap", "Locks ether until the receiver reveals a secret's preimage, or refunds the sender after a deadline.", "HashedTimelock", Htlc.Source),
        new("oracle", "Oracle consumer", "Requests off-chain data; an authorised oracle account answers and the consumer stores the result.", "OracleConsumer", Oracle.Source),
        new("http-consumer", "HTTP consumer", "Asks the portal's oracle for a number from an HTTP(S) API and keeps the answer (the file also holds the portal's NutOracle contract, which the test suite deploys).",
            "HttpConsumer", NutPortal.Core.Oracle.Chain.OracleContractSource.NutOracle + NutPortal.Core.Oracle.Chain.OracleContractSource.HttpConsumer),
        new("iot", "IoT device registry", "Registers devices and their owners; readings go to a separate data contract that only registered devices can write.", "DeviceRegistry", IotRegistry.Source),
    ];

    public static ContractTemplate? Find(string id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));
}
