using System.Numerics;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum.EndToEnd;

/// <summary>
/// Signs with the portal's own <see cref="PrivateKey"/> and transaction encoder and submits with
/// eth_sendRawTransaction: the node never signs anything for these tests.
/// </summary>
public sealed class SignedSender(IJsonRpcClient rpc, PrivateKey key) : IDisposable
{
    public static readonly BigInteger Gwei = 1_000_000_000;

    public Address Address => key.Address;

    public string HexAddress => key.Address.ToLowerHex();

    /// <summary>A signed transaction of <paramref name="type"/> with the next nonce and fees the node accepts.</summary>
    public async Task<Transaction> SignAsync(
        TransactionType type, Address? to, byte[]? data = null, BigInteger value = default, ulong gas = 300_000,
        IReadOnlyList<AccessListEntry>? accessList = null)
    {
        var nonce = await rpc.GetTransactionCountAsync(HexAddress, BlockParameter.Pending);
        var gasPrice = await rpc.CallAsync<BigInteger>("eth_gasPrice");
        var baseFee = (await rpc.GetBlockByNumberAsync(BlockParameter.Latest))!.BaseFeePerGas ?? 0;
        return new Transaction
        {
            Type = type,
            ChainId = AnvilNode.ChainId,
            Nonce = nonce,
            GasPrice = gasPrice * 2,
            MaxPriorityFeePerGas = Gwei,
            MaxFeePerGas = (baseFee * 2) + Gwei,
            GasLimit = gas,
            To = to,
            Value = value,
            Data = data ?? [],
            AccessList = accessList ?? [],
        }.Sign(key);
    }

    /// <summary>Submits raw bytes, checks the node names the hash we computed, and waits for the receipt.</summary>
    public async Task<RpcReceipt> SendAsync(Transaction transaction)
    {
        var hash = await rpc.SendRawTransactionAsync(Hex.Encode(transaction.Encode()));
        Assert.Equal(Hex.Encode(transaction.Hash()), hash);
        return await rpc.WaitForTransactionReceiptAsync(hash, TimeSpan.FromSeconds(10));
    }

    /// <summary>Signs an EIP-1559 transaction and sends it.</summary>
    public async Task<RpcReceipt> TransactAsync(Address? to, byte[] data, ulong gas = 300_000) =>
        await SendAsync(await SignAsync(TransactionType.DynamicFee, to, data, gas: gas));

    public void Dispose() => key.Dispose();
}
