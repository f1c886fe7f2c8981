// Peer: stdin {sign: [{key, tx}], decode: [raw hex]}; quantities are decimal strings.
// stdout {sign: [{unsigned, unsignedHash, serialized, hash}], decode: [{tx fields, from} | {error}]}.
import { SigningKey, Transaction } from "ethers";

const input = JSON.parse(await new Response(process.stdin).text());
const sign = input.sign.map(({ key, tx }) => {
  const t = Transaction.from(tx);
  const out = { unsigned: t.unsignedSerialized, unsignedHash: t.unsignedHash };
  t.signature = new SigningKey(key).sign(t.unsignedHash);
  return { ...out, serialized: t.serialized, hash: t.hash };
});
const str = (v) => (v == null ? null : v.toString());
const decode = input.decode.map((raw) => {
  try {
    const t = Transaction.from(raw);
    return {
      type: t.type, chainId: str(t.chainId), nonce: str(t.nonce), gasPrice: str(t.gasPrice),
      maxPriorityFeePerGas: str(t.maxPriorityFeePerGas), maxFeePerGas: str(t.maxFeePerGas),
      gasLimit: str(t.gasLimit), to: t.to, value: str(t.value), data: t.data,
      accessList: t.type === 0 ? null : t.accessList, from: t.from,
      hash: t.signature ? t.hash : null,
    };
  } catch (e) {
    return { error: String(e.shortMessage ?? e.message) };
  }
});
process.stdout.write(JSON.stringify({ sign, decode }));
