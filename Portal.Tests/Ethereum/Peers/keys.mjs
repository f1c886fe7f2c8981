// Peer: stdin {keys: [hex], signs: [{key, hash}], messages: [{key, message (hex)}]}.
// stdout {keys: [{address, publicKey}], signs: [serialized sig], messages: [{hash, signature}]}.
import { SigningKey, Wallet, getBytes, hashMessage } from "ethers";

const input = JSON.parse(await new Response(process.stdin).text());
const keys = input.keys.map((k) => {
  const w = new Wallet(k);
  return { address: w.address, publicKey: w.signingKey.publicKey };
});
const signs = input.signs.map(({ key, hash }) => new SigningKey(key).sign(hash).serialized);
const messages = input.messages.map(({ key, message }) => ({
  hash: hashMessage(getBytes(message)),
  signature: new Wallet(key).signMessageSync(getBytes(message)),
}));
process.stdout.write(JSON.stringify({ keys, signs, messages }));
