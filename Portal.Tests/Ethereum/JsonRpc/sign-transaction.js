// Independent peer for tests: signs an EIP-1559 transfer with ethers (JSON on stdin → {raw, hash} on stdout).
'use strict';
const { Wallet, Transaction } = require('ethers');
let input = '';
process.stdin.on('data', (d) => { input += d; }).on('end', async () => {
  const t = JSON.parse(input);
  const wallet = new Wallet(t.privateKey);
  const raw = await wallet.signTransaction({
    type: 2, chainId: t.chainId, nonce: t.nonce, to: t.to, value: BigInt(t.value),
    gasLimit: 21000n, maxFeePerGas: BigInt(t.maxFeePerGas), maxPriorityFeePerGas: 1n,
  });
  process.stdout.write(JSON.stringify({ raw, hash: Transaction.from(raw).hash }));
});
