using System.Diagnostics;
using System.Numerics;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum;

public class TransactionTests
{
    [Fact]
    public void Eip155_example_from_the_eip()
    {
        using var key = PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var tx = new Transaction
        {
            Type = TransactionType.Legacy,
            ChainId = 1,
            Nonce = 9,
            GasPrice = 20_000_000_000,
            GasLimit = 21000,
            To = Address.Parse("0x3535353535353535353535353535353535353535"),
            Value = BigInteger.Parse("1000000000000000000"),
        };
        Assert.Equal("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080", Hex.Encode(tx.EncodeUnsigned()));
        Assert.Equal("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", Hex.Encode(tx.SigningHash()));
        var signed = tx.Sign(key);
        Assert.Equal(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            Hex.Encode(signed.Encode()));
        var decoded = Transaction.Decode(signed.Encode());
        Assert.Equal(1, decoded.ChainId);
        Assert.Equal(key.Address, decoded.RecoverSender());
        Assert.Equal(signed.Hash(), decoded.Hash());
    }

    [Fact]
    public void Rejects_out_of_range_quantities_clearly()
    {
        var tx = new Transaction { Type = TransactionType.DynamicFee, ChainId = 1 };
        Assert.Contains("Value", Assert.Throws<ArgumentOutOfRangeException>(() => (tx with { Value = -1 }).Encode()).Message);
        Assert.Contains("2^256", Assert.Throws<ArgumentOutOfRangeException>(() => (tx with { MaxFeePerGas = BigInteger.One << 256 }).Encode()).Message);
        Assert.Contains("Nonce", Assert.Throws<ArgumentOutOfRangeException>(() => (tx with { Nonce = BigInteger.One << 64 }).Encode()).Message);
        Assert.Contains("MaxPriorityFeePerGas", Assert.Throws<ArgumentException>(() => (tx with { MaxPriorityFeePerGas = 2, MaxFeePerGas = 1 }).Encode()).Message);
        Assert.Throws<InvalidOperationException>(() => tx.Hash());
        (tx with { Value = Quantity.MaxUInt256 }).Encode();
    }

    [Fact]
    public async Task Signed_transactions_of_all_types_match_ethers_both_directions()
    {
        const int seed = 8675309;
        var rng = new Random(seed);
        var cases = Enumerable.Range(0, 90).Select(i => (Key: KeysTests.RandomKeyHex(rng), Tx: RandomTx(rng, (TransactionType)(i % 3)))).ToList();
        var request = new JsonObject
        {
            ["sign"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject { ["key"] = c.Key, ["tx"] = ToEthersJson(c.Tx) }).ToArray()),
            ["decode"] = new JsonArray(cases.Select(c => (JsonNode)Hex.Encode(Sign(c.Tx, c.Key).Encode())).ToArray()),
        };
        var reply = JsonNode.Parse(await NodeScript.RunAsync("Portal.Tests/Ethereum/Peers/transactions.mjs", request.ToJsonString()))!;
        for (var i = 0; i < cases.Count; i++)
        {
            var why = $"seed {seed}, case #{i} ({cases[i].Tx.Type})";
            var theirs = reply["sign"]![i]!;
            using var key = PrivateKey.FromHex(cases[i].Key);
            var signed = cases[i].Tx.Sign(key);
            Assert.True(theirs["unsigned"]!.GetValue<string>() == Hex.Encode(cases[i].Tx.EncodeUnsigned()), why);
            Assert.True(theirs["unsignedHash"]!.GetValue<string>() == Hex.Encode(cases[i].Tx.SigningHash()), why);
            Assert.True(theirs["serialized"]!.GetValue<string>() == Hex.Encode(signed.Encode()), why);
            Assert.True(theirs["hash"]!.GetValue<string>() == Hex.Encode(signed.Hash()), why);

            // Decode ethers' raw bytes back and compare every field with ethers' own parse.
            var decoded = Transaction.Decode(Hex.Decode(theirs["serialized"]!.GetValue<string>()));
            Assert.True(JsonNode.DeepEquals(reply["decode"]![i], ParsedJson(decoded)), $"{why}: {reply["decode"]![i]} vs {ParsedJson(decoded)}");
            Assert.Equal(key.Address, decoded.RecoverSender());
            Assert.Equal(signed.Encode(), decoded.Encode());
        }
    }

    [Fact]
    public void Fuzzed_raw_transactions_decode_or_throw_TransactionException()
    {
        const int seed = 5150;
        var rng = new Random(seed);
        using var key = PrivateKey.FromHex(KeysTests.RandomKeyHex(rng));
        var raws = Enumerable.Range(0, 30).Select(i => RandomTx(rng, (TransactionType)(i % 3)).Sign(key).Encode()).ToList();
        // Few cases: Nethereum's RLP decoder can spend seconds on one random input (README, Ethereum toolchain);
        // no portal path decodes untrusted raw transactions.
        var decodedCount = 0;
        for (var i = 0; i < 300; i++)
        {
            var raw = (byte[])raws[i % raws.Count].Clone();
            switch (i % 3)
            {
                case 0: raw = raw[..rng.Next(raw.Length)]; break;
                case 1: raw[rng.Next(raw.Length)] ^= (byte)(1 + rng.Next(255)); break;
                default: raw = [raw[0], .. TestBytes.Random(rng, rng.Next(0, 120))]; break;
            }
            try
            {
                Transaction.Decode(raw).RecoverSender();
                decodedCount++;
            }
            catch (TransactionException)
            {
            }
            catch (SignatureException)
            {
            }
        }
        Assert.True(decodedCount < 300, "fuzzing must produce rejections");
    }

    private static Transaction Sign(Transaction tx, string keyHex)
    {
        using var key = PrivateKey.FromHex(keyHex);
        return tx.Sign(key);
    }

    private static Transaction RandomTx(Random rng, TransactionType type)
    {
        BigInteger Big(int maxBytes) => new(TestBytes.Random(rng, rng.Next(0, maxBytes + 1)), isUnsigned: true);
        var access = type == TransactionType.Legacy ? [] : Enumerable.Range(0, rng.Next(3)).Select(_ =>
            new AccessListEntry(Address.FromBytes(TestBytes.Random(rng, 20)),
                Enumerable.Range(0, rng.Next(3)).Select(_ => TestBytes.Random(rng, 32)).ToList())).ToList();
        var maxFee = Big(12);
        return new Transaction
        {
            Type = type,
            ChainId = type == TransactionType.Legacy && rng.Next(4) == 0 ? 0 : rng.Next(1, 100_000),
            Nonce = rng.NextInt64(0, 1L << 40),
            GasPrice = type == TransactionType.DynamicFee ? 0 : Big(12),
            MaxPriorityFeePerGas = type == TransactionType.DynamicFee ? Big(12) % (maxFee + 1) : 0,
            MaxFeePerGas = type == TransactionType.DynamicFee ? maxFee : 0,
            GasLimit = rng.Next(21000, 30_000_000),
            To = rng.Next(5) == 0 ? null : Address.FromBytes(TestBytes.Random(rng, 20)),
            Value = Big(rng.Next(2) == 0 ? 32 : 9),
            Data = TestBytes.Random(rng, rng.Next(4) == 0 ? 0 : rng.Next(1, 300)),
            AccessList = access,
        };
    }

    private static JsonObject ToEthersJson(Transaction tx)
    {
        var o = new JsonObject
        {
            ["type"] = (int)tx.Type,
            ["chainId"] = tx.ChainId.ToString(),
            ["nonce"] = (long)tx.Nonce,
            ["gasLimit"] = tx.GasLimit.ToString(),
            ["to"] = tx.To?.ToString(),
            ["value"] = tx.Value.ToString(),
            ["data"] = Hex.Encode(tx.Data),
        };
        if (tx.Type == TransactionType.DynamicFee)
        {
            o["maxPriorityFeePerGas"] = tx.MaxPriorityFeePerGas.ToString();
            o["maxFeePerGas"] = tx.MaxFeePerGas.ToString();
        }
        else
        {
            o["gasPrice"] = tx.GasPrice.ToString();
        }
        if (tx.Type != TransactionType.Legacy)
        {
            o["accessList"] = AccessListJson(tx);
        }
        return o;
    }

    private static JsonArray AccessListJson(Transaction tx) => new(tx.AccessList.Select(e => (JsonNode)new JsonObject
    {
        ["address"] = e.Address.ToString(),
        ["storageKeys"] = new JsonArray(e.StorageKeys.Select(k => (JsonNode)Hex.Encode(k)).ToArray()),
    }).ToArray());

    private static JsonObject ParsedJson(Transaction tx) => new()
    {
        ["type"] = (int)tx.Type,
        ["chainId"] = tx.ChainId.ToString(),
        ["nonce"] = tx.Nonce.ToString(),
        ["gasPrice"] = tx.Type == TransactionType.DynamicFee ? null : tx.GasPrice.ToString(),
        ["maxPriorityFeePerGas"] = tx.Type == TransactionType.DynamicFee ? tx.MaxPriorityFeePerGas.ToString() : null,
        ["maxFeePerGas"] = tx.Type == TransactionType.DynamicFee ? tx.MaxFeePerGas.ToString() : null,
        ["gasLimit"] = tx.GasLimit.ToString(),
        ["to"] = tx.To?.ToString(),
        ["value"] = tx.Value.ToString(),
        ["data"] = Hex.Encode(tx.Data),
        ["accessList"] = tx.Type == TransactionType.Legacy ? null : AccessListJson(tx),
        ["from"] = tx.RecoverSender()?.ToString(),
        ["hash"] = Hex.Encode(tx.Hash()),
    };
}
