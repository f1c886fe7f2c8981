// An independent gRPC peer: loads the oracle's .proto as the portal serves it (nothing else), submits one request
// with @grpc/grpc-js and streams its result until finished. Input (stdin, JSON): protoUrl, target, token, request.
// Output: {"id": "...", "results": [OracleResult, ...]} with proto field names, enums as names, int64 as strings.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const input = JSON.parse(await new Promise(resolve => { let s = ''; process.stdin.on('data', d => s += d); process.stdin.on('end', () => resolve(s)); }));
const response = await fetch(input.protoUrl);
if (!response.ok) throw new Error(`GET ${input.protoUrl}: ${response.status}`);
const file = join(mkdtempSync(join(tmpdir(), 'oracle-proto-')), 'oracle.proto');
writeFileSync(file, await response.text());

const definition = protoLoader.loadSync(file, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
const { Oracle } = grpc.loadPackageDefinition(definition).nutportal.oracle.v1;
const client = new Oracle(input.target, grpc.credentials.createInsecure());
const metadata = new grpc.Metadata();
metadata.add('authorization', `Bearer ${input.token}`);

const reply = await new Promise((resolve, reject) => client.Submit(input.request, metadata, (err, r) => err ? reject(err) : resolve(r)));
const results = [];
await new Promise((resolve, reject) => {
  const call = client.Watch({ ids: [reply.id] }, metadata);
  call.on('data', r => results.push({ ...r, raw_body: undefined }));
  call.on('error', reject);
  call.on('end', resolve);
});
client.close();
process.stdout.write(JSON.stringify({ id: reply.id, results }));
