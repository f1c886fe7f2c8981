using System.Diagnostics;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum;

/// <summary>Keystore V3 files through Nethereum.KeyStore, checked both ways against ethers.</summary>
public class KeystoreTests
{
    // Cheap KDF costs keep the test fast; the format and the code paths are the ones real files take.
    private const int ScryptN = 1 << 12;

    [Fact]
    public async Task Ethers_scrypt_files_import_and_our_scrypt_and_pbkdf2_files_open_in_ethers()
    {
        var rng = new Random(3141);
        var keys = Enumerable.Range(0, 3).Select(_ => KeysTests.RandomKeyHex(rng)).ToList();
        keys.Add("0x00" + KeysTests.RandomKeyHex(rng)[4..]); // a key with a leading zero byte
        var ours = keys.Select((k, i) =>
        {
            using var key = PrivateKey.FromHex(k);
            return Keystore.Encrypt(key, $"pass {i} ✓", i % 2 == 0 ? KeystoreKdf.Scrypt : KeystoreKdf.Pbkdf2, i % 2 == 0 ? ScryptN : 1000);
        }).ToList();
        var request = new JsonObject
        {
            ["make"] = new JsonArray([.. keys.Select((k, i) => (JsonNode)new JsonObject { ["key"] = k, ["password"] = $"ethers {i}", ["n"] = ScryptN })]),
            ["open"] = new JsonArray([.. ours.Select((j, i) => (JsonNode)new JsonObject { ["json"] = j, ["password"] = $"pass {i} ✓" })]),
        };
        var reply = JsonNode.Parse(await NodeScript.RunAsync("Portal.Tests/Ethereum/Peers/keystore.mjs", request.ToJsonString()))!;
        for (var i = 0; i < keys.Count; i++)
        {
            using var expected = PrivateKey.FromHex(keys[i]);
            using var imported = Keystore.Decrypt(reply["made"]![i]!.GetValue<string>(), $"ethers {i}");
            Assert.Equal(expected.Address, imported.Address);
            Assert.Equal(expected.ExportBytes(), imported.ExportBytes());
            Assert.Equal(expected.Address.ToString(), reply["opened"]![i]!["address"]?.GetValue<string>());
            Assert.Equal(keys[i], reply["opened"]![i]!["privateKey"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_published_pbkdf2_test_vector_imports()
    {
        // Web3 Secret Storage Definition, PBKDF2-SHA-256 test vector (password "testpassword").
        const string json = """
            {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
            "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46","kdf":"pbkdf2",
            "kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256","salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
            "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
            "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
            """;
        using var key = Keystore.Decrypt(json, "testpassword");
        Assert.Equal("0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d", Hex.Encode(key.ExportBytes()));
        Assert.Contains("Wrong password", Assert.Throws<KeystoreException>(() => Keystore.Decrypt(json, "testpassworD")).Message);
    }

    [Fact]
    public void Files_asking_for_too_much_kdf_work_are_refused_before_any_is_done()
    {
        using var key = PrivateKey.Generate();
        var json = JsonNode.Parse(Keystore.Encrypt(key, "pw", KeystoreKdf.Scrypt, ScryptN))!;
        json["crypto"]!["kdfparams"]!["n"] = 1 << 30;
        var sw = Stopwatch.StartNew();
        var refused = Assert.Throws<KeystoreException>(() => Keystore.Decrypt(json.ToJsonString(), "pw"));
        Assert.Contains("scrypt parameters n=1073741824", refused.Message);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), "the refusal must come before the KDF runs");

        json["crypto"]!["kdfparams"]!["n"] = ScryptN;
        json["crypto"]!["kdf"] = "argon2";
        Assert.Contains("Unknown kdf 'argon2'", Assert.Throws<KeystoreException>(() => Keystore.Decrypt(json.ToJsonString(), "pw")).Message);
        Assert.Contains("version 3", Assert.Throws<KeystoreException>(() => Keystore.Decrypt("""{"version":1}""", "pw")).Message);
        Assert.Contains("Not a keystore", Assert.Throws<KeystoreException>(() => Keystore.Decrypt("not json", "pw")).Message);
    }
}
