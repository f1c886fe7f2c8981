using System.Diagnostics;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NutPortal.Tests.Ethereum;

public class KeysTests
{
    private const string OrderMinusOne = "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";

    [Fact]
    public async Task Keys_signatures_and_personal_messages_match_ethers()
    {
        const int seed = 1337;
        var rng = new Random(seed);
        var keys = new List<string> { "0x" + new string('0', 63) + "1", OrderMinusOne };
        keys.AddRange(Enumerable.Range(0, 60).Select(_ => RandomKeyHex(rng)));
        var signs = keys.Select(k => (Key: k, Hash: Hex.Encode(TestBytes.Random(rng, 32)))).ToList();
        var messages = keys.Select((k, i) => (Key: k, Message: TestBytes.Random(rng, i % 3 == 0 ? 0 : rng.Next(1, 200)))).ToList();
        var request = new JsonObject
        {
            ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k).ToArray()),
            ["signs"] = new JsonArray(signs.Select(s => (JsonNode)new JsonObject { ["key"] = s.Key, ["hash"] = s.Hash }).ToArray()),
            ["messages"] = new JsonArray(messages.Select(m => (JsonNode)new JsonObject { ["key"] = m.Key, ["message"] = Hex.Encode(m.Message) }).ToArray()),
        };
        var reply = JsonNode.Parse(await NodeScript.RunAsync("Portal.Tests/Ethereum/Peers/keys.mjs", request.ToJsonString()))!;
        for (var i = 0; i < keys.Count; i++)
        {
            var why = $"seed {seed}, case #{i}";
            using var key = PrivateKey.FromHex(keys[i]);
            Assert.True(reply["keys"]![i]!["address"]!.GetValue<string>() == key.Address.ToString(), why);
            Assert.True(reply["keys"]![i]!["publicKey"]!.GetValue<string>() == Hex.Encode(key.PublicKey), why);

            var hash = Hex.Decode(signs[i].Hash);
            var sig = key.Sign(hash);
            Assert.True(reply["signs"]![i]!.GetValue<string>() == sig.ToHex(), why);
            Assert.True(sig.IsLowS, why);
            Assert.Equal(key.Address, Ecdsa.RecoverAddress(hash, sig));
            Assert.True(Ecdsa.Verify(hash, sig, key.PublicKey), why);
            Assert.True(VerifyWithOpenSsl(key.PublicKey, hash, sig), why);

            var msgSig = key.SignMessage(messages[i].Message);
            Assert.True(reply["messages"]![i]!["hash"]!.GetValue<string>() == Hex.Encode(PersonalMessage.Hash(messages[i].Message)), why);
            Assert.True(reply["messages"]![i]!["signature"]!.GetValue<string>() == msgSig.ToHex(), why);
            Assert.Equal(key.Address, PersonalMessage.RecoverAddress(messages[i].Message, Signature.FromHex(reply["messages"]![i]!["signature"]!.GetValue<string>())));
        }
    }

    [Fact]
    public void Recovery_rejects_tampered_signatures_and_verify_fails()
    {
        using var key = PrivateKey.FromHex("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
        var hash = PersonalMessage.Hash("hello");
        var sig = key.Sign(hash);
        var flipped = new Signature(sig.R, sig.S, sig.YParity ^ 1);
        Assert.NotEqual(key.Address, Ecdsa.RecoverAddress(hash, flipped));
        Assert.False(Ecdsa.Verify(PersonalMessage.Hash("hellp"), sig, key.PublicKey));
        var highS = new Signature(sig.R, Secp256k1N - sig.S, sig.YParity ^ 1);
        Assert.False(highS.IsLowS);
        Assert.Equal(key.Address, Ecdsa.RecoverAddress(hash, highS)); // recovery itself is malleable; tx decoding enforces low s
        Assert.Throws<FormatException>(() => Signature.FromBytes(new byte[64]));
        Assert.Throws<FormatException>(() => Signature.FromBytes([.. new byte[64], 27]));
    }

    [Fact]
    public void Private_keys_validate_range_hide_secret_and_clear_on_dispose()
    {
        Assert.Throws<ArgumentException>(() => PrivateKey.FromHex("0x" + new string('0', 64)));
        Assert.Throws<ArgumentException>(() => PrivateKey.FromHex("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"));
        Assert.Throws<ArgumentException>(() => PrivateKey.FromHex("0x1234"));
        Assert.Throws<FormatException>(() => PrivateKey.FromHex("0xzz"));
        const string secret = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
        var key = PrivateKey.FromHex(secret);
        Assert.Equal("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", key.ToString());
        Assert.DoesNotContain(secret, key.ToString() + key.Address + Hex.Encode(key.PublicKey));
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.ExportBytes());
        Assert.Throws<ObjectDisposedException>(() => key.Sign(new byte[32]));
        using var fresh = PrivateKey.Generate();
        using var again = PrivateKey.FromBytes(fresh.ExportBytes());
        Assert.Equal(fresh.Address, again.Address);
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Address_round_trips_eip55_vectors_and_rejects_bad_checksums(string checksummed)
    {
        var a = Address.Parse(checksummed);
        Assert.Equal(checksummed, a.ToString());
        Assert.Equal(a, Address.Parse(checksummed.ToLowerInvariant()));
        Assert.Equal(a, Address.Parse("0x" + checksummed[2..].ToUpperInvariant()));
        var i = checksummed.IndexOfAny("abcdefABCDEF".ToCharArray(), 2);
        var broken = checksummed[..i] + (char.IsUpper(checksummed[i]) ? char.ToLowerInvariant(checksummed[i]) : char.ToUpperInvariant(checksummed[i])) + checksummed[(i + 1)..];
        Assert.Contains("checksum", Assert.Throws<FormatException>(() => Address.Parse(broken)).Message);
        Assert.False(Address.TryParse("0x1234", out _));
        Assert.False(Address.TryParse(checksummed + "00", out _));
        Assert.Equal("0x0000000000000000000000000000000000000000", Address.Zero.ToString());
    }

    internal static string RandomKeyHex(Random rng)
    {
        var n = BigInteger.Parse("0" + OrderMinusOne[2..], System.Globalization.NumberStyles.HexNumber);
        while (true)
        {
            var b = TestBytes.Random(rng, 32);
            var v = new BigInteger(b, isUnsigned: true, isBigEndian: true);
            if (v.Sign > 0 && v <= n)
            {
                return Hex.Encode(b);
            }
        }
    }

    private static readonly BigInteger Secp256k1N =
        BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber);

    private static bool VerifyWithOpenSsl(byte[] publicKey, byte[] hash, Signature sig)
    {
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.CreateFromFriendlyName("secP256k1"),
            Q = new ECPoint { X = publicKey[1..33], Y = publicKey[33..] },
        });
        return ecdsa.VerifyHash(hash, sig.ToBytes()[..64]);
    }
}
