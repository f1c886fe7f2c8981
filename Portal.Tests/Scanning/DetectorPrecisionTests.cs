using NutPortal.Core.Scanning;

namespace NutPortal.Tests.Scanning;

/// <summary>
/// Each tightened rule keeps its true positive and no longer reports the look-alike that is harmless
/// (the false positives the scanner bench listed with --noise).
/// </summary>
public sealed class DetectorPrecisionTests(ScannerFixture scanner) : IClassFixture<ScannerFixture>
{
    private async Task<int[]> LinesAsync(string source, string category) =>
        [.. (await scanner.FindingsAsync(source)).Where(f => f.Category == category).Select(f => f.Line).Distinct().Order()];

    [Fact]
    public async Task Arithmetic_is_reported_on_caller_chosen_unguarded_operands_only()
    {
        const string source = """
            pragma solidity ^0.4.24;
            contract Token {
                mapping(address => uint) balances; uint count; uint deposits;
                function add(uint input) public { count += input; }
                function deposit() public payable { deposits += msg.value; }
                function transfer(address to, uint value) public {
                    require(balances[msg.sender] >= value);
                    balances[msg.sender] -= value;
                    balances[to] += value;
                }
                function broken(uint value) public { require(balances[msg.sender] - value >= 0); }
                function tick() public { count = count + 1; }
                function merge(address from, address to) public { balances[to] += balances[from]; }
                function preview(uint input) public view returns (uint) { return count * input; }
            }
            """;

        // 4: parameter into state; 9: credit with no overflow check; 11: a difference compared with 0 always passes.
        // Not 5 (msg.value is bounded by the ether supply), 8 (guarded by line 7), 12 (no caller input),
        // 13 (parameters only pick the slots), 14 (a view cannot change state).
        var lines = await LinesAsync(source, ScanCategories.Arithmetic);

        Assert.Equal([4, 9, 11], lines);
    }

    [Fact]
    public async Task Reentrancy_needs_a_call_that_forwards_gas()
    {
        const string source = """
            pragma solidity ^0.4.24;
            contract Token { function transfer(address to, uint v) public returns (bool); }
            contract Vault {
                mapping(address => uint) balances; Token token;
                function withdraw() public { require(msg.sender.call.value(balances[msg.sender])()); balances[msg.sender] = 0; }
                function withdrawTokens() public { require(token.transfer(msg.sender, balances[msg.sender])); balances[msg.sender] = 0; }
                function withdrawLimited() public { msg.sender.transfer(balances[msg.sender]); balances[msg.sender] = 0; }
            }
            """;

        var lines = await LinesAsync(source, ScanCategories.Reentrancy);

        Assert.Equal([5], lines);
    }

    [Fact]
    public async Task Timestamp_is_reported_where_seconds_decide_not_on_long_deadlines()
    {
        const string source = """
            pragma solidity ^0.4.24;
            contract Roulette {
                uint last; mapping(address => uint) lastWithdraw; uint unlock;
                function spin() public payable { require(now != last); last = now; }
                function open() public view returns (bool) { return block.timestamp >= 1546300800; }
                function withdraw() public { require(now >= lastWithdraw[msg.sender] + 1 weeks); lastWithdraw[msg.sender] = now; }
                function release() public { require(now > unlock); msg.sender.transfer(1); }
            }
            """;

        // 4: exact-time check and the stored time it measures from; 5: returned for callers to decide on.
        // Not 6 (a week-long window is beyond a miner's leeway) nor 7 (a plain deadline).
        var lines = await LinesAsync(source, ScanCategories.TimeManipulation);

        Assert.Equal([4, 5], lines);
    }

    [Fact]
    public async Task Block_data_as_entropy_is_bad_randomness_but_scheduling_is_not()
    {
        const string source = """
            pragma solidity ^0.4.24;
            contract Lotto {
                uint next; uint winner; uint day;
                function draw() public { winner = uint(block.blockhash(block.number - 1)) % 10; }
                function schedule() public { next = block.number + 3; day = now / 1 days; }
            }
            contract Coin { function flip() public view returns (uint) { return uint(keccak256(now)) % 2; } }
            """;

        var findings = await scanner.FindingsAsync(source);

        Assert.Equal([4], findings.Where(f => f.Category == ScanCategories.BadRandomness).Select(f => f.Line).Distinct());
        // In a contract with no other block source, the timestamp alone is the miner's choice of time: reported as time manipulation.
        Assert.Contains(findings, f => f.Category == ScanCategories.TimeManipulation && f.Line == 7);
    }

    [Fact]
    public async Task Denial_of_service_is_reported_where_others_can_be_blocked()
    {
        const string source = """
            pragma solidity ^0.4.24;
            contract Refunds {
                address[] payees; uint[] numbers; address owner;
                function join() public { payees.push(msg.sender); }
                function refund() public { for (uint i = 0; i < payees.length; i++) {
                    require(payees[i].send(1)); } }
                function insert(uint count) public { for (uint i = 0; i < count; i++) { numbers.push(i); } }
                function reset() public { payees = new address[](0); }
                function airdrop(address[] to) public { for (uint i = 0; i < to.length; i++) { to[i].call.value(1)(); } }
                function ownerBatch(uint count) public { require(msg.sender == owner); for (uint i = 0; i < count; i++) { numbers.push(i); } }
            }
            """;

        // 6: a payment that must succeed inside a loop (reported there, not again at the loop); 7: the caller
        // picks how much state grows; 8: clearing an array anyone grows. Not 9 (the caller only spends their own
        // gas, and the call's failure does not revert) nor 10 (only the owner can call it).
        var lines = await LinesAsync(source, ScanCategories.DenialOfService);

        Assert.Equal([6, 7, 8], lines);
    }

    [Fact]
    public async Task Access_control_ignores_contract_checks_and_lookalike_names()
    {
        const string source = """
            pragma solidity ^0.4.24;
            contract Proxy {
                address owner;
                function Proxi() public { owner = msg.sender; }
                function proxy(address target, bytes data) public payable { require(target.call.value(msg.value)(data)); }
                function pay() public { require(tx.origin == owner); msg.sender.transfer(1); }
                function humansOnly() public { require(msg.sender == tx.origin); msg.sender.transfer(1); }
            }
            """;

        var findings = (await scanner.FindingsAsync(source)).Where(f => f.Category == ScanCategories.AccessControl).ToList();

        // 4: misnamed constructor taking ownership, once (not again as "anyone can change the owner"); 6: tx.origin
        // authorisation. Not 5 (a proxy function that happens to share the contract's name) nor 7 (telling contracts
        // from people authorises nobody).
        Assert.Equal([4, 6], findings.Select(f => f.Line));
        Assert.Equal("Function looks like a constructor but is not one", findings[0].Title);
    }

    [Fact]
    public async Task Front_running_payout_is_a_stored_amount_others_can_change()
    {
        const string source = """
            pragma solidity ^0.4.24;
            contract Bounty {
                uint reward; uint fees; address owner; mapping(address => uint) balances;
                function setReward() public payable { require(msg.sender == owner); reward = msg.value; }
                function claim() public { msg.sender.transfer(reward); }
                function collect() public { require(msg.sender == owner); owner.transfer(fees); fees = 0; }
                function deposit() public payable { fees += msg.value / 100; balances[msg.sender] += msg.value; }
                function withdraw() public { msg.sender.transfer(balances[msg.sender]); balances[msg.sender] = 0; }
            }
            """;

        var lines = await LinesAsync(source, ScanCategories.FrontRunning);

        Assert.Equal([5], lines);
    }

    [Fact]
    public async Task Short_address_is_reported_once_per_contract_where_balances_are_debited_without_a_length_check()
    {
        const string source = """
            pragma solidity ^0.4.24;
            contract Coin {
                mapping(address => uint) balances; mapping(address => mapping(address => uint)) allowed;
                function send(address to, uint amount) public { balances[msg.sender] -= amount; balances[to] += amount; }
                function give(address to, uint amount) public { balances[msg.sender] -= amount; balances[to] += amount; }
                function approve(address spender, uint amount) public { allowed[msg.sender][spender] = amount; }
            }
            contract SafeCoin {
                mapping(address => uint) balances;
                modifier onlyPayloadSize(uint size) { require(msg.data.length >= size + 4); _; }
                function transfer(address to, uint amount) public onlyPayloadSize(2 * 32) { balances[msg.sender] -= amount; balances[to] += amount; }
            }
            """;

        var lines = await LinesAsync(source, ScanCategories.ShortAddresses);

        Assert.Equal([4], lines);
    }
}
