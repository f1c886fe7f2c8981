namespace NutPortal.Core.Oracle.Chain;

/// <summary>
/// The portal's on-chain oracle (NutOracle): contracts ask it for an HTTP(S) value and name a callback; the
/// network's oracle account (the portal) answers each request once, with an error code the consumer can read.
/// The same source opens the "HTTP consumer" template, so its test suite can deploy an oracle of its own.
/// </summary>
public static class OracleContractSource
{
    public const string ContractName = "NutOracle";

    /// <summary>Error codes a consumer receives with the answer.</summary>
    public const int Ok = 0, RequestFailed = 1, Refused = 2, NoValue = 3;

    public const string NutOracle = """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// The portal's oracle: contracts ask for an HTTP(S) value; only the portal's oracle account answers, once.
/// Result types: 0 string, 1 int256, 2 bool, 3 bytes (the answer arrives ABI-encoded as that type), 4 a tuple
/// by a response mapping in the selector ("int256:1 $.temp; bool $.online"), encoded as abi.encode(field, ...).
/// Error codes: 0 ok, 1 the request failed (HTTP error, timeout), 2 refused (address or scheme), 3 no usable value.
contract NutOracle {
    struct Request {
        address requester;
        bytes4 callback;
        bool fulfilled;
    }

    address public immutable oracle;
    uint256 public nextRequestId = 1;
    mapping(uint256 => Request) public requests;

    event OracleRequested(uint256 indexed requestId, address indexed requester, string url, string selector, uint8 resultType, uint8 decimals, bytes4 callback);
    event OracleFulfilled(uint256 indexed requestId, uint16 errorCode, bool delivered);

    constructor(address oracle_) {
        require(oracle_ != address(0), "no oracle account");
        oracle = oracle_;
    }

    function request(string calldata url, string calldata selector, uint8 resultType, uint8 decimals, bytes4 callback) external returns (uint256 requestId) {
        require(bytes(url).length > 0, "empty url");
        require(resultType <= 4, "unknown result type");
        requestId = nextRequestId++;
        requests[requestId] = Request(msg.sender, callback, false);
        emit OracleRequested(requestId, msg.sender, url, selector, resultType, decimals, callback);
    }

    function fulfill(uint256 requestId, uint16 errorCode, bytes calldata value) external {
        require(msg.sender == oracle, "only the oracle");
        Request storage r = requests[requestId];
        require(r.requester != address(0), "unknown request");
        require(!r.fulfilled, "already fulfilled");
        r.fulfilled = true;
        // Enough gas for the callback, so a low estimate cannot make delivery fail silently.
        require(gasleft() > 250000, "not enough gas to deliver");
        (bool delivered, ) = r.requester.call{gas: 200000}(abi.encodeWithSelector(r.callback, requestId, errorCode, value));
        emit OracleFulfilled(requestId, errorCode, delivered);
    }
}
""";

    public const string HttpConsumer = """

interface INutOracle {
    function request(string calldata url, string calldata selector, uint8 resultType, uint8 decimals, bytes4 callback) external returns (uint256);
}

/// Asks the portal's oracle for a number from an HTTP(S) API (a JSON selector picks it; decimals scale it) and
/// keeps the latest answer. Deploy with the address of the network's NutOracle (the network's Oracle panel).
/// The url may also name another portal network: "portal://{network}/balances/{address}" reads a balance there.
contract HttpConsumer {
    INutOracle public immutable oracle;
    address public owner;
    uint256 public pendingRequestId;
    uint256 public answeredRequestId;
    int256 public value;
    uint16 public lastErrorCode;

    event ValueRequested(uint256 indexed requestId, string url);
    event ValueReceived(uint256 indexed requestId, int256 value, uint16 errorCode);

    constructor(address oracle_) {
        oracle = INutOracle(oracle_);
        owner = msg.sender;
    }

    function requestValue(string calldata url, string calldata selector, uint8 decimals) external returns (uint256 requestId) {
        require(msg.sender == owner, "only the owner");
        requestId = oracle.request(url, selector, 1, decimals, this.receiveValue.selector);
        pendingRequestId = requestId;
        emit ValueRequested(requestId, url);
    }

    function receiveValue(uint256 requestId, uint16 errorCode, bytes calldata data) external {
        require(msg.sender == address(oracle), "only the oracle contract");
        require(requestId == pendingRequestId, "not the pending request");
        pendingRequestId = 0;
        answeredRequestId = requestId;
        lastErrorCode = errorCode;
        if (errorCode == 0) {
            value = abi.decode(data, (int256));
        }
        emit ValueReceived(requestId, value, errorCode);
    }
}
""";
}
