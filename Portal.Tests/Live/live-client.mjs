// A SignalR client (the npm package browsers use) that connects to /hubs/live with a bearer token,
// prints "connected", then prints each "jobRun" message as a JSON line until stdin closes.
import * as signalR from '@microsoft/signalr';
import readline from 'node:readline';

const [url, token] = process.argv.slice(2);
const connection = new signalR.HubConnectionBuilder()
  .withUrl(url, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
  .configureLogging(signalR.LogLevel.None)
  .build();
connection.on('jobRun', run => process.stdout.write(JSON.stringify(run) + '\n'));
try {
  await connection.start();
  process.stdout.write('connected\n');
} catch (e) {
  process.stdout.write('refused ' + String(e?.message ?? e) + '\n');
  process.exit(0);
}
for await (const _ of readline.createInterface({ input: process.stdin })) { /* wait for stdin to close */ }
await connection.stop();
process.exit(0);
