// Peer: stdin {encode: [tree...], decode: [hex...]} where a tree is a hex string or an array of trees.
// stdout {encoded: [hex...], decoded: [tree | {error}]}.
import { encodeRlp, decodeRlp } from "ethers";

const input = JSON.parse(await new Response(process.stdin).text());
const decoded = input.decode.map((h) => {
  try {
    return decodeRlp(h);
  } catch (e) {
    return { error: String(e.shortMessage ?? e.message) };
  }
});
process.stdout.write(JSON.stringify({ encoded: input.encode.map((t) => encodeRlp(t)), decoded }));
