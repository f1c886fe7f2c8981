// Peer: stdin {make: [{key, password, n}], open: [{json, password}]}; ethers writes scrypt keystores with the
// given n and reads any V3 file. stdout {made: [json], opened: [{address, privateKey} | {error}]}.
import { Wallet, decryptKeystoreJsonSync, encryptKeystoreJsonSync } from "ethers";

const input = JSON.parse(await new Response(process.stdin).text());
const made = input.make.map(({ key, password, n }) =>
  encryptKeystoreJsonSync({ address: new Wallet(key).address, privateKey: key }, password, { scrypt: { N: n } }));
const opened = input.open.map(({ json, password }) => {
  try {
    const account = decryptKeystoreJsonSync(json, password);
    return { address: account.address, privateKey: account.privateKey };
  } catch (e) {
    return { error: String(e.shortMessage ?? e.message) };
  }
});
process.stdout.write(JSON.stringify({ made, opened }));
