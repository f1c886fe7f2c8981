// An independent secp256k1 signer for identity-chain tests: ethers' Wallet.signMessage (EIP-191 personal_sign),
// what a browser wallet gives. stdin: {"privateKey": "0x…", "message": "…"}; stdout: {"publicKey": "0x04…", "signature": "0x…"}.
import { Wallet } from "ethers";

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) input += chunk;
const { privateKey, message } = JSON.parse(input);
const wallet = new Wallet(privateKey);
process.stdout.write(JSON.stringify({ publicKey: wallet.signingKey.publicKey, signature: await wallet.signMessage(message) }));
