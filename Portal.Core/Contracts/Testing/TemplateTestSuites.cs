namespace NutPortal.Core.Contracts.Testing;

/// <summary>A ready-made suite offered with a template.</summary>
public sealed record TemplateTestSuite(string Name, string StepsJson);

/// <summary>Suites that come with the contract templates; a project made from the template is offered its suite.</summary>
public static class TemplateTestSuites
{
    public static TemplateTestSuite? For(string? templateId) => templateId switch
    {
        "erc20" => new("ERC-20 basics", Erc20),
        "erc721" => new("ERC-721 basics", Erc721),
        "voting" => new("Ballot", Voting),
        "escrow" => new("Escrow release", Escrow),
        "multisig" => new("Two of three owners", MultiSig),
        "htlc" => new("Hash lock", Htlc),
        "oracle" => new("Oracle round trip", Oracle),
        "iot" => new("Device readings", Iot),
        "http-consumer" => new("Oracle answer delivered once", HttpConsumer),
        _ => null,
    };

    private const string Erc20 = """
[
  { "type": "deploy", "contract": "Token", "args": ["Nut Token", "NUT", "1000000"] },
  { "type": "event", "event": "Transfer", "args": { "from": "0x0000000000000000000000000000000000000000", "to": "$account0", "value": "1000000" } },
  { "type": "call", "function": "totalSupply", "expect": "1000000" },
  { "type": "call", "function": "balanceOf", "args": ["$account0"], "expect": "1000000" },
  { "type": "send", "function": "transfer", "args": ["$account1", "250"], "from": 0 },
  { "type": "event", "event": "Transfer", "args": { "from": "$account0", "to": "$account1", "value": "250" } },
  { "type": "call", "function": "balanceOf", "args": ["$account1"], "expect": "250" },
  { "type": "balance", "name": "a token transfer moves no ether (fee left out)", "account": 0, "delta": "0" },
  { "type": "send", "function": "transfer", "args": ["$account2", "251"], "from": 1, "expectRevert": "balance too low" },
  { "type": "call", "function": "balanceOf", "args": ["$account1"], "expect": "250" },
  { "type": "send", "function": "approve", "args": ["$account2", "100"], "from": 0 },
  { "type": "event", "event": "Approval", "args": { "owner": "$account0", "spender": "$account2", "value": "100" } },
  { "type": "send", "function": "transferFrom", "args": ["$account0", "$account3", "100"], "from": 2 },
  { "type": "call", "function": "allowance", "args": ["$account0", "$account2"], "expect": "0" },
  { "type": "send", "function": "transferFrom", "args": ["$account0", "$account3", "1"], "from": 2, "expectRevert": "allowance exceeded" },
  { "type": "call", "function": "balanceOf", "args": ["$account0"], "expect": "999650" }
]
""";

    private const string Erc721 = """
[
  { "type": "deploy", "contract": "Collectible", "args": ["Nut Collectibles", "NUTC"] },
  { "type": "call", "name": "reports the ERC-721 interface", "function": "supportsInterface", "args": ["0x80ac58cd"], "expect": true },
  { "type": "send", "function": "mint", "args": ["$account1", "ipfs://nut/1"], "from": 1, "expectRevert": "only owner mints" },
  { "type": "send", "function": "mint", "args": ["$account1", "ipfs://nut/1"], "from": 0 },
  { "type": "event", "event": "Transfer", "args": { "from": "0x0000000000000000000000000000000000000000", "to": "$account1", "tokenId": "1" } },
  { "type": "call", "function": "ownerOf", "args": ["1"], "expect": "$account1" },
  { "type": "call", "function": "balanceOf", "args": ["$account1"], "expect": "1" },
  { "type": "call", "function": "tokenURI", "args": ["1"], "expect": "ipfs://nut/1" },
  { "type": "send", "function": "transferFrom", "args": ["$account1", "$account2", "1"], "from": 2, "expectRevert": "not authorised" },
  { "type": "send", "function": "approve", "args": ["$account2", "1"], "from": 1 },
  { "type": "event", "event": "Approval", "args": { "owner": "$account1", "approved": "$account2", "tokenId": "1" } },
  { "type": "send", "function": "transferFrom", "args": ["$account1", "$account3", "1"], "from": 2 },
  { "type": "event", "event": "Transfer", "args": { "from": "$account1", "to": "$account3", "tokenId": "1" } },
  { "type": "call", "function": "ownerOf", "args": ["1"], "expect": "$account3" },
  { "type": "call", "name": "the approval is used up", "function": "getApproved", "args": ["1"], "expect": "0x0000000000000000000000000000000000000000" },
  { "type": "send", "function": "setApprovalForAll", "args": ["$account4", true], "from": 3 },
  { "type": "send", "name": "an operator moves the token", "function": "transferFrom", "args": ["$account3", "$account4", "1"], "from": 4 },
  { "type": "call", "function": "balanceOf", "args": ["$account3"], "expect": "0" }
]
""";

    private const string Voting = """
[
  { "type": "deploy", "contract": "Ballot", "args": [["Tea", "Coffee", "Water"]] },
  { "type": "call", "function": "proposalCount", "expect": "3" },
  { "type": "call", "function": "chairperson", "expect": "$account0" },
  { "type": "send", "function": "vote", "args": ["1"], "from": 1, "expectRevert": "no right to vote" },
  { "type": "send", "function": "giveRightToVote", "args": ["$account1"], "from": 2, "expectRevert": "only the chairperson" },
  { "type": "send", "function": "giveRightToVote", "args": ["$account1"], "from": 0 },
  { "type": "send", "function": "giveRightToVote", "args": ["$account2"], "from": 0 },
  { "type": "send", "function": "vote", "args": ["1"], "from": 1 },
  { "type": "event", "event": "Voted", "args": { "voter": "$account1", "proposal": "1" } },
  { "type": "send", "function": "vote", "args": ["2"], "from": 1, "expectRevert": "already voted" },
  { "type": "send", "function": "vote", "args": ["1"], "from": 2 },
  { "type": "send", "function": "vote", "args": ["0"], "from": 0 },
  { "type": "call", "function": "hasVoted", "args": ["$account2"], "expect": true },
  { "type": "call", "function": "winningProposal", "expect": "1" },
  { "type": "call", "function": "winnerName", "expect": "Coffee" }
]
""";

    private const string Escrow = """
[
  { "type": "deploy", "name": "account 0 buys from account 1; account 2 arbitrates", "contract": "Escrow", "args": ["$account1", "$account2"] },
  { "type": "call", "function": "buyer", "expect": "$account0" },
  { "type": "send", "function": "deposit", "value": "1000000000000000000", "from": 1, "expectRevert": "only the buyer" },
  { "type": "send", "function": "release", "from": 0, "expectRevert": "nothing to release" },
  { "type": "send", "function": "deposit", "value": "1000000000000000000", "from": 0 },
  { "type": "event", "event": "Deposited", "args": { "buyer": "$account0", "amount": "1000000000000000000" } },
  { "type": "balance", "name": "the escrow holds the payment", "account": "$Escrow", "delta": "1000000000000000000" },
  { "type": "call", "name": "awaiting release", "function": "state", "expect": "1" },
  { "type": "send", "function": "refund", "from": 1, "expectRevert": "only the arbiter" },
  { "type": "send", "function": "release", "from": 2 },
  { "type": "event", "event": "Released", "args": { "seller": "$account1", "amount": "1000000000000000000" } },
  { "type": "balance", "name": "the seller is paid", "account": 1, "delta": "1000000000000000000" },
  { "type": "call", "name": "complete", "function": "state", "expect": "2" },
  { "type": "send", "function": "refund", "from": 2, "expectRevert": "nothing to refund" }
]
""";

    private const string MultiSig = """
[
  { "type": "deploy", "contract": "MultiSigWallet", "args": [["$account0", "$account1", "$account2"], "2"] },
  { "type": "call", "function": "required", "expect": "2" },
  { "type": "call", "function": "isOwner", "args": ["$account1"], "expect": true },
  { "type": "send", "function": "submit", "args": ["$account5", "0", "0x"], "from": 3, "expectRevert": "not an owner" },
  { "type": "send", "function": "submit", "args": ["$account5", "0", "0x"], "from": 0 },
  { "type": "event", "event": "Submitted", "args": { "txId": "0", "to": "$account5", "value": "0" } },
  { "type": "call", "function": "transactionCount", "expect": "1" },
  { "type": "send", "function": "confirm", "args": ["0"], "from": 0 },
  { "type": "event", "event": "Confirmed", "args": { "txId": "0", "owner": "$account0" } },
  { "type": "send", "function": "confirm", "args": ["0"], "from": 0, "expectRevert": "already confirmed" },
  { "type": "send", "function": "execute", "args": ["0"], "from": 0, "expectRevert": "not enough confirmations" },
  { "type": "send", "function": "confirm", "args": ["0"], "from": 1 },
  { "type": "send", "function": "execute", "args": ["0"], "from": 2 },
  { "type": "event", "event": "Executed", "args": { "txId": "0" } },
  { "type": "send", "function": "execute", "args": ["0"], "from": 2, "expectRevert": "already executed" },
  { "type": "call", "function": "confirmed", "args": ["0", "$account1"], "expect": true }
]
""";

    // The secret is "nutportal swap secret" padded to 32 bytes; the hash lock is its sha256, and the lock id is
    // keccak256(sender, receiver, amount, hash lock, time lock) packed, for account 0 locking 1 ether for account 1
    // until 2100-01-01. The refund after the deadline is left out: reaching 2100 would take eight ten-year steps.
    private const string Htlc = """
[
  { "type": "deploy", "contract": "HashedTimelock" },
  { "type": "send", "function": "lock", "args": ["$account1", "0x4381053a00996329d6550a4cc8843658b9ffa09d2a4a33f1075ccc0f32a74ca8", "4102444800"], "value": "1000000000000000000", "from": 0 },
  { "type": "event", "event": "Locked", "args": { "lockId": "0x2e15219fb8c4ebc1bb068c2c0a7fd7614c89a2d1383254bd7be7945c5ea7348b", "sender": "$account0", "receiver": "$account1", "amount": "1000000000000000000" } },
  { "type": "balance", "name": "the contract holds the locked ether", "account": "$HashedTimelock", "delta": "1000000000000000000" },
  { "type": "send", "name": "a wrong secret", "function": "withdraw", "args": ["0x2e15219fb8c4ebc1bb068c2c0a7fd7614c89a2d1383254bd7be7945c5ea7348b", "0x726566756e642070617468207365637265740000000000000000000000000000"], "from": 1, "expectRevert": "wrong preimage" },
  { "type": "send", "function": "withdraw", "args": ["0x2e15219fb8c4ebc1bb068c2c0a7fd7614c89a2d1383254bd7be7945c5ea7348b", "0x6e7574706f7274616c2073776170207365637265740000000000000000000000"], "from": 2, "expectRevert": "only the receiver" },
  { "type": "send", "function": "refund", "args": ["0x2e15219fb8c4ebc1bb068c2c0a7fd7614c89a2d1383254bd7be7945c5ea7348b"], "from": 0, "expectRevert": "timelock not yet passed" },
  { "type": "send", "name": "the receiver reveals the secret", "function": "withdraw", "args": ["0x2e15219fb8c4ebc1bb068c2c0a7fd7614c89a2d1383254bd7be7945c5ea7348b", "0x6e7574706f7274616c2073776170207365637265740000000000000000000000"], "from": 1 },
  { "type": "event", "event": "Withdrawn", "args": { "lockId": "0x2e15219fb8c4ebc1bb068c2c0a7fd7614c89a2d1383254bd7be7945c5ea7348b", "preimage": "0x6e7574706f7274616c2073776170207365637265740000000000000000000000" } },
  { "type": "balance", "name": "the receiver is paid (fee left out)", "account": 1, "delta": "1000000000000000000" },
  { "type": "send", "function": "refund", "args": ["0x2e15219fb8c4ebc1bb068c2c0a7fd7614c89a2d1383254bd7be7945c5ea7348b"], "from": 0, "expectRevert": "already settled" }
]
""";

    private const string Oracle = """
[
  { "type": "deploy", "name": "account 1 is the oracle", "contract": "OracleConsumer", "args": ["$account1"] },
  { "type": "send", "function": "request", "args": ["ETH/USD"], "from": 2 },
  { "type": "event", "event": "DataRequested", "args": { "requestId": "0", "query": "ETH/USD" } },
  { "type": "call", "function": "nextRequestId", "expect": "1" },
  { "type": "send", "function": "fulfill", "args": ["0", "315042"], "from": 2, "expectRevert": "only the oracle" },
  { "type": "send", "function": "fulfill", "args": ["7", "1"], "from": 1, "expectRevert": "unknown request" },
  { "type": "send", "function": "fulfill", "args": ["0", "315042"], "from": 1 },
  { "type": "event", "event": "DataReceived", "args": { "requestId": "0", "answer": "315042" } },
  { "type": "call", "function": "latestAnswer", "expect": "315042" },
  { "type": "send", "function": "fulfill", "args": ["0", "1"], "from": 1, "expectRevert": "already answered" },
  { "type": "send", "function": "setOracle", "args": ["$account3"], "from": 1, "expectRevert": "only the owner" },
  { "type": "send", "function": "setOracle", "args": ["$account3"], "from": 0 },
  { "type": "call", "function": "oracle", "expect": "$account3" }
]
""";

    // 0x...3039 is 12345 ABI-encoded as int256, the answer the oracle account (account 1) delivers.
    private const string HttpConsumer = """
[
  { "type": "deploy", "name": "account 1 plays the portal's oracle account", "contract": "NutOracle", "args": ["$account1"] },
  { "type": "deploy", "contract": "HttpConsumer", "args": ["$NutOracle"] },
  { "type": "send", "function": "requestValue", "args": ["https://api.example.com/price", "$$.data.price", "2"], "from": 2, "expectRevert": "only the owner" },
  { "type": "send", "function": "requestValue", "args": ["https://api.example.com/price", "$$.data.price", "2"], "from": 0 },
  { "type": "event", "event": "ValueRequested", "args": { "requestId": "1", "url": "https://api.example.com/price" } },
  { "type": "call", "function": "pendingRequestId", "expect": "1" },
  { "type": "send", "contract": "NutOracle", "function": "fulfill", "args": ["1", "0", "0x0000000000000000000000000000000000000000000000000000000000003039"], "from": 2, "expectRevert": "only the oracle" },
  { "type": "send", "contract": "HttpConsumer", "function": "receiveValue", "args": ["1", "0", "0x0000000000000000000000000000000000000000000000000000000000003039"], "from": 1, "expectRevert": "only the oracle contract" },
  { "type": "send", "contract": "NutOracle", "function": "fulfill", "args": ["7", "0", "0x0000000000000000000000000000000000000000000000000000000000003039"], "from": 1, "expectRevert": "unknown request" },
  { "type": "send", "contract": "NutOracle", "function": "fulfill", "args": ["1", "0", "0x0000000000000000000000000000000000000000000000000000000000003039"], "from": 1, "gas": 1000000 },
  { "type": "event", "contract": "NutOracle", "event": "OracleFulfilled", "args": { "requestId": "1", "errorCode": "0", "delivered": true } },
  { "type": "call", "contract": "HttpConsumer", "function": "value", "expect": "12345" },
  { "type": "call", "contract": "HttpConsumer", "function": "answeredRequestId", "expect": "1" },
  { "type": "send", "contract": "NutOracle", "function": "fulfill", "args": ["1", "0", "0x0000000000000000000000000000000000000000000000000000000000003039"], "from": 1, "expectRevert": "already fulfilled" },
  { "type": "send", "contract": "HttpConsumer", "function": "requestValue", "args": ["http://169.254.169.254/", "", "0"], "from": 0 },
  { "type": "send", "name": "a refused request is answered with error code 2", "contract": "NutOracle", "function": "fulfill", "args": ["2", "2", "0x"], "from": 1, "gas": 1000000 },
  { "type": "call", "contract": "HttpConsumer", "function": "lastErrorCode", "expect": "2" },
  { "type": "call", "contract": "HttpConsumer", "function": "value", "expect": "12345" }
]
""";

    // The device id is "sensor-1" padded to 32 bytes.
    private const string Iot = """
[
  { "type": "deploy", "contract": "DeviceRegistry" },
  { "type": "send", "name": "account 1 registers a device that signs as account 2", "function": "register", "args": ["0x73656e736f722d31000000000000000000000000000000000000000000000000", "$account2", "thermometer, hall A"], "from": 1 },
  { "type": "event", "event": "DeviceRegistered", "args": { "deviceId": "0x73656e736f722d31000000000000000000000000000000000000000000000000", "owner": "$account1", "account": "$account2" } },
  { "type": "send", "function": "register", "args": ["0x73656e736f722d31000000000000000000000000000000000000000000000000", "$account3", "again"], "from": 3, "expectRevert": "device exists" },
  { "type": "send", "function": "submitReading", "args": ["0x73656e736f722d31000000000000000000000000000000000000000000000000", "215"], "from": 4, "expectRevert": "not the device" },
  { "type": "send", "function": "submitReading", "args": ["0x73656e736f722d31000000000000000000000000000000000000000000000000", "215"], "from": 2 },
  { "type": "send", "function": "submitReading", "args": ["0x73656e736f722d31000000000000000000000000000000000000000000000000", "-40"], "from": 1 },
  { "type": "send", "function": "deactivate", "args": ["0x73656e736f722d31000000000000000000000000000000000000000000000000"], "from": 2, "expectRevert": "only the device owner" },
  { "type": "send", "function": "deactivate", "args": ["0x73656e736f722d31000000000000000000000000000000000000000000000000"], "from": 1 },
  { "type": "event", "event": "DeviceDeactivated", "args": { "deviceId": "0x73656e736f722d31000000000000000000000000000000000000000000000000" } },
  { "type": "send", "function": "submitReading", "args": ["0x73656e736f722d31000000000000000000000000000000000000000000000000", "1"], "from": 2, "expectRevert": "device not active" }
]
""";
}
