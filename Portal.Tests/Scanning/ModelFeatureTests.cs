using NutPortal.Core.Scanning;
using NutPortal.Core.Scanning.Model;

namespace NutPortal.Tests.Scanning;

/// <summary>What the model sees of real solc output, and what the shipped weights make of it.</summary>
public sealed class ModelFeatureTests(ScannerFixture fixture) : IClassFixture<ScannerFixture>
{
    private const string Bank = """
        pragma solidity ^0.4.24;
        contract Bank {
            mapping(address => uint) balances;
            function withdraw(uint amount) public {
                require(balances[msg.sender] >= amount);
                msg.sender.call.value(amount)();
                balances[msg.sender] -= amount;
            }
            function balanceOf(address who) public view returns (uint) {
                return balances[who];
            }
        }
        """;

    [Fact]
    public async Task A_function_with_call_value_gets_AST_and_opcode_features_at_its_lines()
    {
        var analysis = await new SolidityScanner(fixture.Compiler).AnalyzeAsync(Bank);

        var functions = analysis.Functions();

        var withdraw = Assert.Single(functions, f => f.Name == "withdraw");
        Assert.Equal((4, 8), (withdraw.StartLine, withdraw.EndLine));
        Assert.Equal([6], withdraw.Features["ll:call"]);
        Assert.Equal([6], withdraw.Features["ll:call:unchecked"]);
        Assert.Equal([6], withdraw.Features["m:value"]);
        Assert.Equal([6], withdraw.Features["s:call-before-write"]);
        Assert.Contains(7, withdraw.Features["as:-=:state"]);
        Assert.True(withdraw.Features.ContainsKey("g:msg.sender"), string.Join(" ", withdraw.Features.Keys.Where(k => !k.StartsWith('o'))));
        Assert.Contains(5, withdraw.Features["g:msg.sender"]);
        Assert.Contains("o1:CALL", withdraw.Features.Keys);
        Assert.Contains("o1:SSTORE", withdraw.Features.Keys);
        var getter = Assert.Single(functions, f => f.Name == "balanceOf");
        Assert.DoesNotContain(getter.Features.Keys, k => k.StartsWith("ll:", StringComparison.Ordinal) || k == "o1:CALL" || k == "o1:SSTORE");
        Assert.Contains("o1:SLOAD", getter.Features.Keys);
    }

    [Fact]
    public void Opcodes_are_decoded_past_push_data_and_the_source_map_repeats_empty_fields()
    {
        // PUSH1 0x80, PUSH1 0x40, MSTORE, CALLVALUE, PUSH2 0x0001, CALL
        Assert.Equal(["PUSH", "PUSH", "MSTORE", "CALLVALUE", "PUSH", "CALL"], EvmInstructions.Decode("6080604052346100" + "01f1"));
        Assert.Equal([(10, 0), (10, 0), (25, 0), (25, -1)], BytecodeFeatures.SourceMap("10:5:0:-;;25:3;::-1"));
    }

    [Fact]
    public void The_shipped_weights_load_with_a_classifier_per_trained_category()
    {
        var model = ScannerModel.Shipped;

        Assert.True(model.Features.Count > 100);
        Assert.True(model.Training.Contracts > 100);
        Assert.Contains(model.Classifiers, c => c.Category == ScanCategories.Reentrancy);
        Assert.All(model.Classifiers, c => Assert.Equal(model.Features.Count, c.Weights.Length));
    }

    // The loop grows a state array that is wiped when full: the shape of the labelled denial-of-service contracts.
    private const string Registry = """
        pragma solidity ^0.4.25;
        contract Registry {
            address[] members;
            function join() public payable returns (bool) {
                if (members.length > 1000) {
                    members = new address[](0);
                    return false;
                }
                for (uint i = 0; i < 100; i++) {
                    members.push(msg.sender);
                }
                return true;
            }
            function count() public view returns (uint) { return members.length; }
        }
        """;

    [Fact]
    public async Task The_shipped_model_ranks_the_function_that_grows_and_wipes_state_first_for_denial_of_service()
    {
        var report = await new SolidityScanner(fixture.Compiler, ScannerModel.Shipped).ScanAsync(Registry);

        var dos = report.Risks!.Where(r => r.Category == ScanCategories.DenialOfService).ToList();
        Assert.Equal(["join", "count"], dos.Select(r => r.Function));
        Assert.True(dos[0].Probability > dos[1].Probability);
    }

    [Fact]
    public async Task Model_findings_fill_only_categories_no_rule_reported_in_that_function_and_carry_their_probability()
    {
        // Thresholds at zero make every ranked risk a candidate, so the filtering is what the test sees.
        var shipped = ScannerModel.Shipped;
        var eager = new ScannerModel(shipped.Features, [.. shipped.Classifiers.Select(c => c with { Threshold = 0 })], shipped.Training);

        var report = await new SolidityScanner(fixture.Compiler, eager).ScanAsync(Registry);

        var byRules = report.Findings.Where(f => f.Detector != ScannerModel.DetectorName).ToList();
        var byModel = report.Findings.Where(f => f.Detector == ScannerModel.DetectorName).ToList();
        Assert.Contains(byRules, f => f.Category == ScanCategories.DenialOfService && f.Line is >= 4 and <= 13);
        Assert.DoesNotContain(byModel, f => f.Category == ScanCategories.DenialOfService && f.Line is >= 4 and <= 13);
        Assert.Contains(byModel, f => f.Category == ScanCategories.Reentrancy);
        var risks = report.Risks!;
        Assert.All(byModel, f => Assert.Contains(risks, r => r.Category == f.Category
            && Math.Abs(r.Probability - double.Parse(f.Confidence, System.Globalization.CultureInfo.InvariantCulture)) < 0.01));
    }
}
