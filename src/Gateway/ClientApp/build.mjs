// Bundles the market page into ../wwwroot, or into the folder given as the first argument (the freshness test
// builds into a temporary folder and compares): app.js and app.css from src/, index.html as is.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(process.argv[2] ?? path.join(here, '..', 'wwwroot'));

fs.mkdirSync(outdir, { recursive: true });
await esbuild.build({
  absWorkingDir: here,
  entryPoints: { app: 'src/app.js' },
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022'],
  charset: 'utf8',
  legalComments: 'eof',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
fs.copyFileSync(path.join(here, 'index.html'), path.join(outdir, 'index.html'));
