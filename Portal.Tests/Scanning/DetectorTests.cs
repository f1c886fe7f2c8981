using NutPortal.Core.Scanning;

namespace NutPortal.Tests.Scanning;

public sealed class DetectorTests(ScannerFixture scanner) : IClassFixture<ScannerFixture>
{
    [Fact]
    public async Task Reentrancy_is_reported_at_the_call_and_not_when_state_is_written_first()
    {
        const string source = """
            pragma solidity ^0.4.24;
            contract Bank {
                mapping(address => uint) balances;
                function withdraw(uint amount) public {
                    require(balances[msg.sender] >= amount);
                    require(msg.sender.call.value(amount)());
                    balances[msg.sender] -= amount;
                }
                function safeWithdraw(uint amount) public {
                    require(balances[msg.sender] >= amount);
                    balances[msg.sender] -= amount;
                    require(msg.sender.call.value(amount)());
                }
            }
            """;

        var findings = await scanner.FindingsAsync(source);

        var reentrancy = Assert.Single(findings, f => f.Category == ScanCategories.Reentrancy);
        Assert.Equal(6, reentrancy.Line);
        Assert.Equal("high", reentrancy.Severity);
        Assert.False(string.IsNullOrWhiteSpace(reentrancy.Advice));
    }

    [Fact]
    public async Task Each_class_is_found_on_its_line()
    {
        const string source = """
            pragma solidity ^0.4.24;
            contract Lottery {
                address owner;
                address[] players; uint total;
                struct Ticket { address who; }
                function Lotery() public { owner = msg.sender; }
                function kill() public { selfdestruct(msg.sender); }
                function onlyOrigin() public { require(tx.origin == owner); }
                function pay(address to) public { to.send(1 ether); }
                function draw() public returns (uint) { return uint(keccak256(block.difficulty, now)) % players.length; }
                function late() public view returns (bool) { return now > 1546300800; }
                function add(uint a) public { total += a; }
                function refundAll() public { for (uint i = 0; i < players.length; i++) { players[i].transfer(1); } }
                function proxy(address impl) public { require(impl.delegatecall(msg.data)); }
                function buy() public { Ticket t; t.who = msg.sender; }
            }
            """;

        var found = (await scanner.FindingsAsync(source)).Select(f => (f.Category, f.Line)).ToHashSet();

        Assert.Contains((ScanCategories.AccessControl, 6), found);
        Assert.Contains((ScanCategories.AccessControl, 7), found);
        Assert.Contains((ScanCategories.AccessControl, 8), found);
        Assert.Contains((ScanCategories.UncheckedCalls, 9), found);
        Assert.Contains((ScanCategories.BadRandomness, 10), found);
        Assert.Contains((ScanCategories.TimeManipulation, 11), found);
        Assert.Contains((ScanCategories.Arithmetic, 12), found);
        Assert.Contains((ScanCategories.DenialOfService, 13), found);
        Assert.Contains((ScanCategories.AccessControl, 14), found);
        Assert.Contains((ScanCategories.Other, 15), found);
    }

    [Fact]
    public async Task Checked_arithmetic_in_0_8_is_quiet_but_unchecked_blocks_are_reported()
    {
        const string source = """
            pragma solidity ^0.8.20;
            contract Sum {
                uint total;
                function safe(uint a) external { total += a; }
                function wraps(uint a) external { unchecked { total -= a; } }
            }
            """;

        var arithmetic = (await scanner.FindingsAsync(source)).Where(f => f.Category == ScanCategories.Arithmetic).Select(f => f.Line);

        Assert.Equal([5], arithmetic);
    }

    [Fact]
    public async Task Comments_never_produce_findings()
    {
        const string source = """
            pragma solidity ^0.4.24;
            contract Quiet {
                uint x;
                // msg.sender.call.value(1)(); selfdestruct(msg.sender); tx.origin == owner; block.timestamp > 1
                /* for (uint i = 0; i < players.length; i++) { players[i].transfer(1); } */
                function set(uint v) public { require(msg.sender != address(0)); x = v; }
            }
            """;

        Assert.Empty(await scanner.FindingsAsync(source));
    }

    [Fact]
    public async Task Source_that_does_not_compile_is_reported_with_its_line()
    {
        var report = await scanner.Scanner.ScanAsync("pragma solidity ^0.8.20;\ncontract A {\n  function f() public { x = 1; }\n}\n");

        Assert.Empty(report.Findings);
        Assert.Contains("line 3", report.Error, StringComparison.Ordinal);
    }
}
