// Peer: stdin {encode: [{types, values}], decode: [{types, data}], ids: [signature], logs: [{abi, event, values}]}.
// Values use JSON: integers as decimal strings, bytes as hex. Decoded values come back the same way.
import { AbiCoder, Interface, id } from "ethers";

const coder = AbiCoder.defaultAbiCoder();
const input = JSON.parse(await new Response(process.stdin).text());
const plain = (v) => {
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return Array.from(v, plain); // ethers Result is an Array subclass
  return v;
};
const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return { error: String(e.shortMessage ?? e.message) };
  }
};
const encode = input.encode.map(({ types, values }) => attempt(() => coder.encode(types, values)));
const decode = input.decode.map(({ types, data }) => attempt(() => plain(coder.decode(types, data).toArray(true))));
const ids = input.ids.map((s) => id(s));
const logs = input.logs.map(({ abi, event, values }) => {
  const iface = new Interface(abi);
  return iface.encodeEventLog(event, values);
});
process.stdout.write(JSON.stringify({ encode, decode, ids, logs }));
