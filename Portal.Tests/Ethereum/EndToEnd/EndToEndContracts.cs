namespace NutPortal.Tests.Ethereum.EndToEnd;

/// <summary>Contracts the end-to-end tests compile with the real toolchain and deploy with the portal's own signer.</summary>
internal static class EndToEndContracts
{
    /// <summary>
    /// Registry takes constructor arguments, has views, a nested-struct argument, an event with indexed and
    /// dynamic fields, a require with a message and a custom error; Forwarder calls it so a revert happens one frame down.
    /// </summary>
    public const string Source = """
        // SPDX-License-Identifier: MIT
        pragma solidity ^0.8.20;

        contract Registry {
            struct Order { address maker; uint256 amount; bytes payload; string memo; uint256[] ids; }

            uint256 public constant LIMIT = 1000;
            string public name;
            address public owner;
            uint256 public total;

            error TooLarge(uint256 amount, uint256 limit);
            event Recorded(address indexed maker, uint256 indexed amount, string memo, uint256[] ids, bytes payload, uint256 total);

            constructor(string memory name_, uint256 initial) {
                name = name_;
                owner = msg.sender;
                total = initial;
            }

            function describe() external view returns (string memory, address, uint256) {
                return (name, owner, total);
            }

            /// Returns the order as the EVM decoded it, and the hash of its abi.encode.
            function echo(Order calldata order) external pure returns (Order memory, bytes32) {
                return (order, keccak256(abi.encode(order)));
            }

            function record(Order calldata order) external returns (uint256) {
                require(order.amount > 0, "amount must be positive");
                if (order.amount > LIMIT) revert TooLarge(order.amount, LIMIT);
                total += order.amount;
                emit Recorded(order.maker, order.amount, order.memo, order.ids, order.payload, total);
                return total;
            }
        }

        contract Forwarder {
            event Forwarded(address target);

            function forward(Registry target, Registry.Order calldata order) external returns (uint256) {
                emit Forwarded(address(target));
                return target.record(order);
            }
        }
        """;
}
