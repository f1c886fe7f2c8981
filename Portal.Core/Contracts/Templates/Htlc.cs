namespace NutPortal.Core.Contracts.Templates;

internal static class Htlc
{
    public const string Source = """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract HashedTimelock {
    struct Lock {
        address payable sender;
        address payable receiver;
        uint256 amount;
        bytes32 hashlock;
        uint256 timelock;
        bool withdrawn;
        bool refunded;
        bytes32 preimage;
    }

    mapping(bytes32 => Lock) public locks;

    event Locked(bytes32 indexed lockId, address indexed sender, address indexed receiver, uint256 amount, bytes32 hashlock, uint256 timelock);
    event Withdrawn(bytes32 indexed lockId, bytes32 preimage);
    event Refunded(bytes32 indexed lockId);

    function lock(address payable receiver, bytes32 hashlock, uint256 timelock) external payable returns (bytes32 lockId) {
        require(msg.value > 0, "send ether to lock");
        require(timelock > block.timestamp, "timelock must be in the future");
        lockId = keccak256(abi.encodePacked(msg.sender, receiver, msg.value, hashlock, timelock));
        require(locks[lockId].sender == address(0), "lock exists");
        locks[lockId] = Lock(payable(msg.sender), receiver, msg.value, hashlock, timelock, false, false, 0);
        emit Locked(lockId, msg.sender, receiver, msg.value, hashlock, timelock);
    }

    function withdraw(bytes32 lockId, bytes32 preimage) external {
        Lock storage l = locks[lockId];
        require(l.receiver == msg.sender, "only the receiver");
        require(!l.withdrawn && !l.refunded, "already settled");
        require(l.hashlock == sha256(abi.encodePacked(preimage)), "wrong preimage");
        l.withdrawn = true;
        l.preimage = preimage;
        l.receiver.transfer(l.amount);
        emit Withdrawn(lockId, preimage);
    }

    function refund(bytes32 lockId) external {
        Lock storage l = locks[lockId];
        require(l.sender == msg.sender, "only the sender");
        require(!l.withdrawn && !l.refunded, "already settled");
        require(block.timestamp >= l.timelock, "timelock not yet passed");
        l.refunded = true;
        l.sender.transfer(l.amount);
        emit Refunded(lockId);
    }
}
""";
}
