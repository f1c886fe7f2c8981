// Peer: keccak256 of each hex input (stdin: JSON array of hex strings; stdout: JSON array of hex digests).
import { keccak256 } from "ethers";

const input = JSON.parse(await new Response(process.stdin).text());
process.stdout.write(JSON.stringify(input.map((h) => keccak256(h))));
