// The market page's committed bundle (src/Gateway/wwwroot) is exactly what `npm run build` in src/Gateway/ClientApp
// makes from the committed sources and the locked packages, and it loads nothing from another host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const gateway = fileURLToPath(new URL('../../src/Gateway/', import.meta.url));
const clientApp = path.join(gateway, 'ClientApp');
const wwwroot = path.join(gateway, 'wwwroot');

test('the committed wwwroot bundle equals a fresh build of ClientApp', () => {
  assert.ok(fs.existsSync(path.join(clientApp, 'node_modules', 'esbuild')), 'run `npm ci` in src/Gateway/ClientApp first (scripts/test.sh does)');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'spin-wwwroot-'));
  try {
    execFileSync(process.execPath, ['build.mjs', out], { cwd: clientApp, stdio: ['ignore', 'pipe', 'pipe'] });
    const built = fs.readdirSync(out).sort();
    assert.deepEqual(fs.readdirSync(wwwroot).sort(), built, 'the files in src/Gateway/wwwroot');
    for (const file of built) {
      assert.ok(fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(wwwroot, file))),
        `src/Gateway/wwwroot/${file} is not the build of the sources: run \`npm ci && npm run build\` in src/Gateway/ClientApp and commit wwwroot`);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('the page refers only to its own files', () => {
  const html = fs.readFileSync(path.join(wwwroot, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(refs.filter((r) => /^(?:[a-z]+:)?\/\//i.test(r)), [], 'no CDN or other host');
  assert.ok(refs.includes('app.js') && refs.includes('app.css'));
});
