using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Core.IdentityChain;

/// <summary>
/// The identity chain's registry: per identity its public key, curve, the hash of its registration fields and its
/// status. Only the account that deployed it (the portal's signer for the network) registers, suspends and revokes.
/// </summary>
public static class IdentityRegistrySource
{
    public const string ContractName = "NutIdentityRegistry";

    public const string Source = """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// The portal's identity registry: identities by id (keccak256 of chain and key), their public key and curve
/// (1 secp256k1, 2 P-256), the SHA-256 of their registration fields and their status (1 active, 2 suspended, 3 revoked).
contract NutIdentityRegistry {
    struct Identity {
        bytes publicKey;
        uint8 curve;
        bytes32 fieldsHash;
        uint8 status;
    }

    address public immutable portal;
    string public profileName;
    bytes32 public profileHash;
    uint256 public identityCount;
    mapping(bytes32 => Identity) private identities;

    event IdentityRegistered(bytes32 indexed id, uint8 curve, bytes32 fieldsHash);
    event IdentityStatusChanged(bytes32 indexed id, uint8 status);

    modifier onlyPortal() {
        require(msg.sender == portal, "only the portal");
        _;
    }

    constructor(string memory name, bytes32 hash) {
        portal = msg.sender;
        profileName = name;
        profileHash = hash;
    }

    function register(bytes32 id, bytes calldata publicKey, uint8 curve, bytes32 fieldsHash) external onlyPortal {
        require(identities[id].status == 0, "identity exists");
        require(curve == 1 || curve == 2, "unknown curve");
        require(publicKey.length == 33 || publicKey.length == 65, "bad public key");
        identities[id] = Identity(publicKey, curve, fieldsHash, 1);
        identityCount++;
        emit IdentityRegistered(id, curve, fieldsHash);
    }

    function suspend(bytes32 id) external onlyPortal {
        require(identities[id].status == 1, "not active");
        identities[id].status = 2;
        emit IdentityStatusChanged(id, 2);
    }

    function reinstate(bytes32 id) external onlyPortal {
        require(identities[id].status == 2, "not suspended");
        identities[id].status = 1;
        emit IdentityStatusChanged(id, 1);
    }

    function revoke(bytes32 id) external onlyPortal {
        uint8 status = identities[id].status;
        require(status == 1 || status == 2, "not registered or already revoked");
        identities[id].status = 3;
        emit IdentityStatusChanged(id, 3);
    }

    function identityOf(bytes32 id) external view returns (bytes memory publicKey, uint8 curve, bytes32 fieldsHash, uint8 status) {
        Identity storage i = identities[id];
        return (i.publicKey, i.curve, i.fieldsHash, i.status);
    }
}
""";

    public static ContractAbi Abi { get; } = ContractAbi.Parse("""
[
  { "type": "function", "name": "register", "stateMutability": "nonpayable", "outputs": [], "inputs": [
    { "name": "id", "type": "bytes32" }, { "name": "publicKey", "type": "bytes" }, { "name": "curve", "type": "uint8" }, { "name": "fieldsHash", "type": "bytes32" } ] },
  { "type": "function", "name": "suspend", "stateMutability": "nonpayable", "outputs": [], "inputs": [ { "name": "id", "type": "bytes32" } ] },
  { "type": "function", "name": "reinstate", "stateMutability": "nonpayable", "outputs": [], "inputs": [ { "name": "id", "type": "bytes32" } ] },
  { "type": "function", "name": "revoke", "stateMutability": "nonpayable", "outputs": [], "inputs": [ { "name": "id", "type": "bytes32" } ] },
  { "type": "function", "name": "identityOf", "stateMutability": "view", "inputs": [ { "name": "id", "type": "bytes32" } ], "outputs": [
    { "name": "publicKey", "type": "bytes" }, { "name": "curve", "type": "uint8" }, { "name": "fieldsHash", "type": "bytes32" }, { "name": "status", "type": "uint8" } ] }
]
""");

    public static AbiFunction Register { get; } = Abi.GetFunction("register");

    public static AbiFunction Suspend { get; } = Abi.GetFunction("suspend");

    public static AbiFunction Reinstate { get; } = Abi.GetFunction("reinstate");

    public static AbiFunction Revoke { get; } = Abi.GetFunction("revoke");

    public static AbiFunction IdentityOf { get; } = Abi.GetFunction("identityOf");
}
