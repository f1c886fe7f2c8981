namespace NutPortal.Core.Contracts.Templates;

internal static class Oracle
{
    public const string Source = """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract OracleConsumer {
    struct Request {
        string query;
        bool answered;
        int256 answer;
        uint256 answeredAt;
    }

    address public owner;
    address public oracle;
    uint256 public nextRequestId;
    mapping(uint256 => Request) public requests;
    int256 public latestAnswer;

    event DataRequested(uint256 indexed requestId, string query);
    event DataReceived(uint256 indexed requestId, int256 answer);

    constructor(address oracle_) {
        owner = msg.sender;
        oracle = oracle_;
    }

    function setOracle(address oracle_) external {
        require(msg.sender == owner, "only the owner");
        oracle = oracle_;
    }

    function request(string calldata query) external returns (uint256 requestId) {
        requestId = nextRequestId++;
        requests[requestId].query = query;
        emit DataRequested(requestId, query);
    }

    function fulfill(uint256 requestId, int256 answer) external {
        require(msg.sender == oracle, "only the oracle");
        Request storage r = requests[requestId];
        require(bytes(r.query).length > 0, "unknown request");
        require(!r.answered, "already answered");
        r.answered = true;
        r.answer = answer;
        r.answeredAt = block.number;
        latestAnswer = answer;
        emit DataReceived(requestId, answer);
    }
}
""";
}
