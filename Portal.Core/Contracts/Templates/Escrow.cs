namespace NutPortal.Core.Contracts.Templates;

internal static class Escrow
{
    public const string Source = """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract Escrow {
    enum State { AwaitingPayment, AwaitingRelease, Complete, Refunded }

    address public buyer;
    address payable public seller;
    address public arbiter;
    uint256 public amount;
    State public state;

    event Deposited(address indexed buyer, uint256 amount);
    event Released(address indexed seller, uint256 amount);
    event Refunded(address indexed buyer, uint256 amount);

    constructor(address payable seller_, address arbiter_) {
        buyer = msg.sender;
        seller = seller_;
        arbiter = arbiter_;
    }

    function deposit() external payable {
        require(msg.sender == buyer, "only the buyer");
        require(state == State.AwaitingPayment, "already paid");
        amount = msg.value;
        state = State.AwaitingRelease;
        emit Deposited(msg.sender, msg.value);
    }

    function release() external {
        require(msg.sender == arbiter || msg.sender == buyer, "only arbiter or buyer");
        require(state == State.AwaitingRelease, "nothing to release");
        state = State.Complete;
        uint256 value = amount;
        amount = 0;
        (bool ok, ) = seller.call{value: value}("");
        require(ok, "payment failed");
        emit Released(seller, value);
    }

    function refund() external {
        require(msg.sender == arbiter, "only the arbiter");
        require(state == State.AwaitingRelease, "nothing to refund");
        state = State.Refunded;
        uint256 value = amount;
        amount = 0;
        (bool ok, ) = payable(buyer).call{value: value}("");
        require(ok, "refund failed");
        emit Refunded(buyer, value);
    }
}
""";
}
