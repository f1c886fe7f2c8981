using System.Text;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.SecurityPolicy;

namespace NutPortal.Tests.SecurityPolicy;

/// <summary>What the PII check finds in calldata and what it lets pass: checksums tell card numbers and IBANs from
/// look-alikes, custom patterns run in linear time, and the evasions it is meant to see through are seen through.</summary>
public sealed class PiiDetectionTests
{
    private const string Abi = """
        [{"type":"function","name":"store","stateMutability":"nonpayable","inputs":[{"name":"note","type":"string"}],"outputs":[]},
         {"type":"function","name":"pair","stateMutability":"nonpayable","inputs":[{"name":"a","type":"string"},{"name":"b","type":"string"}],"outputs":[]},
         {"type":"function","name":"blob","stateMutability":"nonpayable","inputs":[{"name":"data","type":"bytes"}],"outputs":[]}]
        """;

    private static readonly ContractAbi Contract = ContractAbi.Parse(Abi);

    [Theory]
    [InlineData("pay with 4111 1111 1111 1111 please", "card")]
    [InlineData("card 5500-0000-0000-0004", "card")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00", "iban")]
    [InlineData("GB82WEST12345698765432", "iban")]
    [InlineData("call +49 30 1234567", "phone")]
    [InlineData("office (030) 1234 5678", "phone")]
    [InlineData("mail alice.smith@example.com", "email")]
    public void Personal_data_is_found_by_kind(string text, string kind) =>
        Assert.Equal(kind, PiiDetector.Find(text, PiiDetector.BuiltIn, []));

    [Theory]
    [InlineData("pay with 4111 1111 1111 1112 please")] // one digit off: Luhn fails
    [InlineData("order 1234567890123")] // 13 digits, not Luhn-valid, no separators: not a phone either
    [InlineData("IBAN DE89 3704 0044 0532 0130 01")] // mod-97 fails
    [InlineData("amount 12345678 wei")]
    [InlineData("version 1.2.3 at block 99")]
    [InlineData("hello world")]
    public void Look_alikes_that_fail_the_checksum_or_shape_are_not_personal_data(string text) =>
        Assert.Null(PiiDetector.Find(text, PiiDetector.BuiltIn, []));

    [Fact]
    public void Luhn_and_iban_checks_agree_with_known_numbers()
    {
        Assert.True(PiiDetector.Luhn("4012888888881881"));
        Assert.False(PiiDetector.Luhn("4012888888881882"));
        Assert.True(PiiDetector.IbanChecksum("FR1420041010050500013M02606"));
        Assert.False(PiiDetector.IbanChecksum("FR1420041010050500013M02607"));
    }

    [Fact]
    public void A_custom_pattern_finds_what_the_organization_names()
    {
        var pattern = PiiDetector.Compile(new PiiPattern("employee-id", @"EMP-[0-9]{6}"));
        Assert.Equal("pattern employee-id", PiiDetector.Find("badge EMP-204913 entered", [], [pattern]));
        Assert.Null(PiiDetector.Find("badge EMP-20 entered", [], [pattern]));
    }

    [Fact]
    public void A_catastrophic_backtracking_pattern_runs_in_linear_time_and_backreferences_are_refused_naming_the_field()
    {
        var (policy, errors) = SecurityPolicyValidator.Compile(new SecurityPolicyDocument
        {
            Pii = new PiiSettings { Action = PiiAction.Reject, Patterns = [new("evil", "(a+)+$"), new("backref", @"(a)\1")] },
        }, 1, []);
        Assert.Null(policy);
        Assert.Contains("linear time", Assert.Single(errors["pii.patterns[1].regex"]), StringComparison.Ordinal);
        Assert.False(errors.ContainsKey("pii.patterns[0].regex"));

        // The classic exponential case for a backtracking engine: thousands of 'a's and a character that makes it fail.
        var evil = PiiDetector.Compile(new PiiPattern("evil", "^(a+)+$"));
        Assert.Null(PiiDetector.Find(new string('a', 50_000) + "!", [], [evil]));
    }

    [Fact]
    public void A_pattern_too_large_to_run_in_linear_time_is_refused_and_a_slow_one_times_out_instead_of_hanging()
    {
        var (policy, errors) = SecurityPolicyValidator.Compile(new SecurityPolicyDocument
        {
            Pii = new PiiSettings { Patterns = [new("huge", "(a{1000}){1000}")] },
        }, 1, []);
        Assert.Null(policy);
        Assert.Contains("linear time", Assert.Single(errors["pii.patterns[0].regex"]), StringComparison.Ordinal);

        // A match that outlasts its timeout surfaces as the timeout (which the gateway turns into a pii-check-timeout refusal), not a
        // hang: the timeout is made tiny here so the outcome does not depend on how fast this machine is.
        var slow = PiiDetector.Compile(new PiiPattern("slow", "[a-z]{1,1000}[0-9]{1,1000}x{1,1000}"), TimeSpan.FromTicks(1));
        Assert.Throws<System.Text.RegularExpressions.RegexMatchTimeoutException>(() => PiiDetector.Find(new string('a', 200_000) + "b", [], [slow]));
    }

    [Fact]
    public void An_email_is_found_in_an_abi_string_with_and_without_the_abi()
    {
        var data = Contract.GetFunction("store").EncodeCall("contact: alice@example.com");
        Assert.Equal("argument 1 of store(string)", Find(data, Contract.GetFunction("store"))!.Value.Where);
        Assert.Equal("the calldata (raw scan)", Find(data, null)!.Value.Where);
    }

    [Theory]
    [InlineData("0x616c696365406578616d706c652e636f6d")] // hex of "alice@example.com"
    [InlineData("YWxpY2VAZXhhbXBsZS5jb20=")] // base64
    [InlineData("alice%40example.com")] // percent-encoded
    [InlineData("alice\uFF20example.com")] // full-width at sign
    [InlineData("ali\u200Bce@exa\u200Dmple.com")] // zero-width characters inside
    public void Encoded_and_disguised_emails_are_seen_through(string disguised)
    {
        var data = Contract.GetFunction("store").EncodeCall(disguised);
        Assert.Equal("email", Find(data, Contract.GetFunction("store"))?.Kind);
        Assert.Equal("email", Find(data, null)?.Kind);
    }

    [Fact]
    public void An_email_split_over_two_arguments_or_sent_as_utf16_bytes_is_found()
    {
        var pair = Contract.GetFunction("pair");
        Assert.Equal("the joined arguments of pair(string,string)", Find(pair.EncodeCall("alice", "@example.com"), pair)!.Value.Where);
        Assert.NotNull(Find(pair.EncodeCall("alice", "@example.com"), null));
        var blob = Contract.GetFunction("blob");
        Assert.Equal("email", Find(blob.EncodeCall(Encoding.Unicode.GetBytes("alice@example.com")), blob)?.Kind);
        Assert.Equal("email", Find(blob.EncodeCall(Encoding.BigEndianUnicode.GetBytes("alice@example.com")), null)?.Kind);
    }

    [Fact]
    public void Encrypted_markers_and_plain_binary_arguments_are_not_personal_data()
    {
        var marker = PayloadCipher.Encrypt(SecurityLevel.Confidential, "k1", new byte[32], Encoding.UTF8.GetBytes("alice@example.com"), []).ToString();
        Assert.Null(Find(Contract.GetFunction("store").EncodeCall(marker), Contract.GetFunction("store")));
        Assert.Null(Find(Contract.GetFunction("blob").EncodeCall(System.Security.Cryptography.RandomNumberGenerator.GetBytes(256)), null));
    }

    private static (string Kind, string Where)? Find(byte[] data, AbiFunction? function) =>
        CompiledPolicy.None.FindPii(CalldataText.Extract(data, function)) is { } found ? (found.Kind, found.Piece.Where) : null;
}
