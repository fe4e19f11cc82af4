// Starts the chain simulator as a real process for the Node tests and stops it afterwards.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The most recently built configuration, so a stale Release build never shadows a fresh Debug one (or the reverse).
function builtDll(project, dll) {
  const built = ['Release', 'Debug']
    .map((configuration) => path.join(root, project, 'bin', configuration, 'net10.0', dll))
    .filter((file) => fs.existsSync(file))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (built.length === 0) throw new Error(`Build ${project} first (dotnet build).`);
  return built[0];
}

export const simulatorDll = () => builtDll(path.join('tools', 'ChainSimulator'), 'Spin.ChainSimulator.dll');

async function freePortPair() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
      server.on('error', reject);
    });
    const nextFree = await new Promise((resolve) => {
      const server = net.createServer().listen(port + 1, '127.0.0.1', () => server.close(() => resolve(true)));
      server.on('error', () => resolve(false));
    });
    if (nextFree) return port;
  }
}

export async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms); });
  try { return await Promise.race([promise, timeout]); } finally { clearTimeout(timer); }
}

export async function startSimulator(args) {
  const port = await freePortPair();
  const child = spawn('dotnet', [simulatorDll(), '--port', String(port), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const rpcUrl = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`simulator exited: ${output}`);
      try {
        const res = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"getHealth"}' });
        if ((await res.json()).result === 'ok') return;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await withTimeout(ready, 60_000, 'the simulator to answer getHealth');
  return {
    rpcUrl,
    wsUrl: `ws://127.0.0.1:${port + 1}`,
    async get(pathname) { return (await fetch(rpcUrl + pathname)).json(); },
    async post(pathname) { return fetch(rpcUrl + pathname, { method: 'POST' }); },
    stop() { child.kill('SIGKILL'); },
  };
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
    server.on('error', reject);
  });
}

// Starts the standalone product (Gateway co-hosting a silo) against a simulator, with its data in a temporary folder.
export async function startGateway(sim) {
  const [port, siloPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  const data = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'spin-js-'));
  const child = spawn('dotnet', [builtDll(path.join('src', 'Gateway'), 'Spin.Gateway.dll'), '--urls', `http://127.0.0.1:${port}`,
    '--Spin:Chain:RpcUrl', sim.rpcUrl, '--Spin:Chain:WsUrl', sim.wsUrl, '--Spin:Chain:ReconcileInterval', '00:00:01',
    '--Spin:Storage:Path', data, '--Spin:Cluster:SiloPort', String(siloPort), '--Spin:Cluster:GatewayPort', String(gatewayPort)],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const url = `http://127.0.0.1:${port}`;
  await withTimeout((async () => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`gateway exited: ${output}`);
      try { if ((await fetch(`${url}/alive`)).ok) return; } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
  })(), 60_000, 'the gateway to answer /alive');
  return {
    url,
    stop() { child.kill('SIGKILL'); fs.rmSync(data, { recursive: true, force: true }); },
  };
}
