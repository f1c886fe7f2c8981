// Long-lived solc-js worker: loads one compiler (argv[2] = solc package folder), then answers one
// standard-JSON compile per stdin line with one stdout line. The host serialises requests.
// argv[3] (optional) = a newer 0.4.x solc-js package whose wrapper translates standard JSON for
// compilers older than 0.4.11, whose own solc-js only offers the legacy compile(source, optimise).
'use strict';
const Module = require('module');
const readline = require('readline');

// No network or subprocesses from inside the compiler: refuse those modules once solc is loaded.
const blocked = new Set(['net', 'http', 'https', 'http2', 'dgram', 'tls', 'child_process', 'cluster', 'worker_threads']);

const packageDir = process.argv[2];
let solc = require(packageDir);
if (typeof solc.compileStandardWrapper !== 'function' && /^0\.4\./.test(solc.version()) && process.argv[3]) {
  solc = require(process.argv[3] + '/wrapper.js')(require(packageDir + '/soljson.js'));
}
const originalLoad = Module._load;
Module._load = function (request, ...rest) {
  const name = request.startsWith('node:') ? request.slice(5) : request;
  if (blocked.has(name)) {
    throw new Error(`module '${request}' is not available in the solc worker`);
  }
  return originalLoad.call(this, request, ...rest);
};

const version = solc.version();
const legacy = /^0\.4\./.test(version);
// Imports resolve only among the sources supplied in the request: the callback never reads disk.
const refuse = (path) => ({ error: `File import callback not supported (import of '${path}' refused)` });
const compile = legacy && typeof solc.compileStandardWrapper === 'function'
  ? (input) => solc.compileStandardWrapper(input, refuse)
  : (input) => solc.compile(input, { import: refuse });

function reply(message) {
  process.stdout.write(JSON.stringify(message) + '\n');
}

reply({ ready: true, version });

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (line.trim() === '') {
    return;
  }
  let id = null;
  try {
    const request = JSON.parse(line);
    id = request.id;
    if (request.crash) {
      // Test hook: simulates a compiler that dies mid-job.
      process.exit(70);
    }
    if (request.hang) {
      // Test hook: simulates a compiler that never answers.
      for (;;) { /* spin */ }
    }
    const output = compile(typeof request.input === 'string' ? request.input : JSON.stringify(request.input));
    reply({ id, output });
  } catch (e) {
    reply({ id, error: String(e && e.stack || e) });
  }
});
lines.on('close', () => process.exit(0));
