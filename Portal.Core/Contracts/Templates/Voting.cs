namespace NutPortal.Core.Contracts.Templates;

internal static class Voting
{
    public const string Source = """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract Ballot {
    struct Proposal {
        string name;
        uint256 voteCount;
    }

    address public chairperson;
    mapping(address => bool) public canVote;
    mapping(address => bool) public hasVoted;
    Proposal[] public proposals;

    event Voted(address indexed voter, uint256 indexed proposal);

    constructor(string[] memory proposalNames) {
        chairperson = msg.sender;
        canVote[msg.sender] = true;
        for (uint256 i = 0; i < proposalNames.length; i++) {
            proposals.push(Proposal({name: proposalNames[i], voteCount: 0}));
        }
    }

    function giveRightToVote(address voter) external {
        require(msg.sender == chairperson, "only the chairperson");
        canVote[voter] = true;
    }

    function vote(uint256 proposal) external {
        require(canVote[msg.sender], "no right to vote");
        require(!hasVoted[msg.sender], "already voted");
        hasVoted[msg.sender] = true;
        proposals[proposal].voteCount += 1;
        emit Voted(msg.sender, proposal);
    }

    function proposalCount() external view returns (uint256) {
        return proposals.length;
    }

    function winningProposal() public view returns (uint256 winner) {
        uint256 best = 0;
        for (uint256 p = 0; p < proposals.length; p++) {
            if (proposals[p].voteCount > best) {
                best = proposals[p].voteCount;
                winner = p;
            }
        }
    }

    function winnerName() external view returns (string memory) {
        return proposals[winningProposal()].name;
    }
}
""";
}
