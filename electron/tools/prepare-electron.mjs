#!/usr/bin/env node
/**
 * Prepares better-sqlite3 for Electron in development without touching node_modules (which keeps the Node
 * build that the tests and the CLI use). The Electron build goes to out/native/better-sqlite3 and the Electron
 * host loads it from there (electron/main/paths.ts). Packaged apps get theirs from electron-builder instead.
 *
 * It uses better-sqlite3's own prebuild-install with the Electron runtime (a prebuilt binary for this Electron
 * version), and falls back to compiling with node-gyp against Electron's headers.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const target = path.join(root, 'out', 'native', 'better-sqlite3');
const stamp = path.join(target, '.electron-version');
const binary = path.join(target, 'build', 'Release', 'better_sqlite3.node');

if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === `${electronVersion}-${process.arch}`) process.exit(0);

rmSync(target, { recursive: true, force: true });
mkdirSync(path.dirname(target), { recursive: true });
cpSync(source, target, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });

const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
const run = (cmd, args) => spawnSync(process.execPath, [cmd, ...args], { cwd: target, stdio: 'inherit' }).status === 0;

process.stdout.write(`better-sqlite3 voorbereiden voor Electron ${electronVersion} (${process.arch})…\n`);
const ok =
  run(bin('prebuild-install', 'bin.js'), ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`]) ||
  run(bin('node-gyp', 'bin/node-gyp.js'), ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers']);
if (!ok || !existsSync(binary)) {
  process.stderr.write('Fout: better-sqlite3 kon niet voor Electron worden klaargemaakt (geen prebuilt binary en compileren mislukte).\n');
  process.exit(1);
}
writeFileSync(stamp, `${electronVersion}-${process.arch}`);
