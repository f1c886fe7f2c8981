// ethers side of `Portal bench ethereum`. stdin: the inputs the C# side generated (hex strings, decimal
// integers); stdout: {rates: {name: ops/s}, outputs: {...}} where outputs let C# check both sides computed the same.
// Inputs are converted to ethers' native forms (Uint8Array, bigint, Signature) before timing, as C# does.
import { AbiCoder, ParamType, Signature, SigningKey, Transaction, getAddress, getBytes, keccak256, recoverAddress } from "ethers";

const input = JSON.parse(await new Response(process.stdin).text());
const seconds = input.seconds;
let sink = 0;

// Warm up (lets V8 optimise), estimate the rate, then time enough iterations for about `seconds`, three times
// (as the C# side does): the figure is the fastest run, since other work on the machine only slows a run down.
function rate(count, op) {
  let n = 0;
  const warmSeconds = Math.min(0.5, seconds / 2);
  const warmEnd = performance.now() + warmSeconds * 1000;
  while (performance.now() < warmEnd) {
    for (let j = 0; j < 16; j++) op(n++ % count);
  }
  const iterations = Math.max(16, Math.round((n / warmSeconds) * seconds));
  let best = 0;
  for (let trial = 0; trial < 3; trial++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) op(i % count);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, iterations / elapsed);
  }
  return best;
}

const keccakInputs = input.keccak.map((h) => getBytes(h));
const key = new SigningKey(input.key);
const hashes = input.hashes.map((h) => getBytes(h));
const signatures = input.signatures.map((s) => Signature.from(s));
const transactions = input.transactions;
const rawTransactions = input.rawTransactions;
const addresses = input.addresses;
// As the portal does: build the transaction, sign its digest, serialise.
const signTx = (t) => {
  const tx = Transaction.from(t);
  tx.signature = key.sign(tx.unsignedHash);
  return tx.serialized;
};
const coder = AbiCoder.defaultAbiCoder();
// Parsed once, as the C# side parses its AbiTypes once: string types would be re-parsed on every call.
const abiTypes = input.abi.types.map((t) => ParamType.from(t));
const abiValues = input.abi.values.map(([[maker, amount, payload, memo, ids], deadline]) => [
  [maker, BigInt(amount), getBytes(payload), memo, ids.map(BigInt)],
  BigInt(deadline),
]);
const abiEncoded = input.abi.encoded.map((h) => getBytes(h));

const rates = {
  keccak256: rate(keccakInputs.length, (i) => (sink ^= keccak256(keccakInputs[i]).charCodeAt(3))),
  sign: rate(hashes.length, (i) => (sink ^= Number(key.sign(hashes[i]).v))),
  recover: rate(signatures.length, (i) => (sink ^= recoverAddress(hashes[i], signatures[i]).charCodeAt(3))),
  "tx.sign": rate(transactions.length, (i) => (sink ^= signTx(transactions[i]).length)),
  "tx.decode": rate(rawTransactions.length, (i) => (sink ^= Transaction.from(rawTransactions[i]).from.charCodeAt(3))),
  "address.checksum": rate(addresses.length, (i) => (sink ^= getAddress(addresses[i]).charCodeAt(5))),
  "abi.encode": rate(abiValues.length, (i) => (sink ^= coder.encode(abiTypes, abiValues[i]).length)),
  "abi.decode": rate(abiEncoded.length, (i) => (sink ^= coder.decode(abiTypes, abiEncoded[i]).length)),
};

const outputs = {
  keccak256: keccakInputs.map((b) => keccak256(b)),
  sign: hashes.map((h) => key.sign(h).serialized),
  recover: signatures.map((s, i) => recoverAddress(hashes[i], s).toLowerCase()),
  tx: transactions.map(signTx),
  checksum: addresses.map((a) => getAddress(a)),
  abi: abiValues.map((v) => coder.encode(abiTypes, v)),
};
process.stdout.write(JSON.stringify({ rates, outputs, sink }));
