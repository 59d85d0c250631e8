import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, Session } from '../../electron/core/session';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../electron/web/server';
import { contract, CALL_NAMES, type CallName } from '../../shared/api';
import { tmpDir } from '../helpers/tmp';

let host: WebHost | null = null;
let session: Session | null = null;
afterEach(async () => {
  await host?.close();
  session?.close();
  host = null;
  session = null;
});

async function start() {
  const dir = tmpDir();
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  fs.writeFileSync(path.join(dir, 'geheim.txt'), 'geheim');
  session = new Session({ host: 'web', appVersion: '0.0.0-test', dialogs: null, bundledDemo: null, workDir: path.join(dir, 'work') });
  host = await startWebHost({ handlers: createHandlers(session), rendererDir: renderer });
  return { dir, host };
}

function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function api(h: WebHost, name: string, input: unknown, token = h.token) {
  const r = await request(`${h.url}api/${name}`, { method: 'POST', headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' }, body: JSON.stringify(input) });
  return { status: r.status, json: JSON.parse(r.body) };
}

describe('web host', () => {
  it('closes while a browser still holds a connection with a request half sent (Ctrl+C does not wait for the tab)', async () => {
    const { host: h } = await start();
    const socket = net.connect(Number(new URL(h.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.on('error', () => undefined);
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((r) => setTimeout(r, 100));
    const closed = await Promise.race([h.close().then(() => 'dicht'), new Promise((r) => setTimeout(() => r('wacht nog'), 2000))]);
    expect(closed).toBe('dicht');
    host = null;
    socket.destroy();
  });

  it('listens on 127.0.0.1 only and serves the page with the token and a strict CSP', async () => {
    const { host: h } = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await request(h.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="regiekaart-token" content="${h.token}" />`);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(h.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('refuses API calls without the per-run token, with another Host, or with GET', async () => {
    const { host: h } = await start();
    expect((await api(h, 'app.info', {}, 'fout')).status).toBe(403);
    const noToken = await request(`${h.url}api/app.info`, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(403);
    const rebinding = await request(`${h.url}api/app.info`, { method: 'POST', headers: { host: 'evil.example:80', [TOKEN_HEADER]: h.token }, body: '{}' });
    expect(rebinding.status).toBe(421);
    expect((await request(`${h.url}api/app.info`)).status).toBe(405);
  });

  it('never serves files outside the renderer folder', async () => {
    const { host: h } = await start();
    for (const p of ['../geheim.txt', '..%2fgeheim.txt', '%2e%2e/geheim.txt']) {
      const r = await request(`${h.url}${p}`);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('geheim');
    }
  });

  it('validates input, answers errors as Dutch values, and runs every call with output matching the contract', async () => {
    const { dir, host: h } = await start();
    const noDoc = await api(h, 'network.snapshot', {});
    expect(noDoc.json).toEqual({ ok: false, error: { code: 'NO_DOCUMENT', message: expect.stringMatching(/geen document geopend/) } });
    expect((await api(h, 'changes.list', { limit: -1 })).json.error.code).toBe('INVALID_INPUT');
    expect((await api(h, 'bestaat.niet', {})).json.error.code).toBe('UNKNOWN_CALL');
    // A malformed escape in the call name is refused, and the host keeps serving.
    expect((await api(h, '%E0%A4%A', {})).json.error.code).toBe('UNKNOWN_CALL');
    expect((await api(h, 'app.info', {})).json.ok).toBe(true);
    expect((await api(h, 'document.open', {})).json.error.message).toMatch(/Geef het pad/);

    const inputs: Partial<Record<CallName, unknown>> = {
      'document.open': { path: path.join(dir, 'work', 'Voorbeeldstad.regiekaart') },
      'document.create': { path: path.join(dir, 'nieuw'), title: 'Nieuwe kaart', municipality: 'Testdorp' },
      'document.saveCopy': { path: path.join(dir, 'kopie.regiekaart') },
      'edit.apply': { label: 'Nieuwe actor', steps: [{ op: 'create', kind: 'actor', value: { name: 'Buurtwerk Zuid', type: 'CAW', sectors: ['WELZIJN'], legalForm: 'PRIVATE_NONPROFIT', level: 'LOKAAL' } }] },
      'edit.previewDelete': { kind: 'actor', ids: ['A01'] },
      'drafts.put': { key: 'actor', label: 'Buurtwerk Noord', value: { name: 'Buurtwerk Noord' } },
      'drafts.drop': { key: 'actor' },
      'positions.list': { viewId: 'STANDAARD' },
      // Prints with the system Chromium, as the web host does.
      'report.export': { path: path.join(dir, 'rapport'), options: { sections: ['cover', 'gaps'] } },
      'map.export': { path: path.join(dir, 'kaart'), format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>' },
      'exchange.export': { path: path.join(dir, 'uit'), format: 'json' },
      'exchange.template': { path: path.join(dir, 'sjabloon') },
      // A neighbour's map into the open document: the merge review, with one actor linked by hand.
      'exchange.preview': { path: path.resolve('test/fixtures/neighbour/noorddorp.json'), merge: { matches: { N16: 'A41' }, take: { 'actors:A10:level': 'theirs' } } },
      'exchange.import': { path: path.join(dir, 'uit.json'), into: 'new', target: path.join(dir, 'terug') },
    };
    const order: CallName[] = ['app.info', 'document.openDemo', ...CALL_NAMES.filter((n) => !['app.info', 'document.openDemo', 'document.create'].includes(n)), 'document.create'];
    for (const name of order) {
      const r = await api(h, name, inputs[name] ?? {});
      expect(r.json.ok, `${name}: ${JSON.stringify(r.json.error)}`).toBe(true);
      expect(contract[name].output.safeParse(r.json.value).success, name).toBe(true);
    }
    const current = await api(h, 'document.current', {});
    expect(current.json.value.meta).toMatchObject({ title: 'Nieuwe kaart', municipality: 'Testdorp' });
    expect((await api(h, 'document.open', inputs['document.open'])).json.ok).toBe(true);
    const merge = (await api(h, 'exchange.preview', inputs['exchange.preview'])).json.value.merge;
    expect(merge.matches.find((m: { theirId: string }) => m.theirId === 'N16')).toMatchObject({ ourId: 'A41', by: 'KEUZE' });
    expect(merge.differences.find((d: { key: string }) => d.key === 'actors:A10:level').take).toBe('theirs');
    expect(fs.existsSync(path.join(dir, 'kopie.regiekaart'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'nieuw.regiekaart'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'kaart.svg'), 'utf8')).toContain('<svg');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'uit.json'), 'utf8')).actors.length).toBeGreaterThan(40);
    expect(fs.existsSync(path.join(dir, 'terug.regiekaart'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'sjabloon.xlsx')).subarray(0, 2).toString()).toBe('PK');
    // A map image is checked for what it claims to be, and nothing is written when it is not.
    const fake = await api(h, 'map.export', { path: path.join(dir, 'nep.png'), format: 'png', data: Buffer.from('geen afbeelding').toString('base64') });
    expect(fake.json.error.message).toBe('De kaart is geen geldige PNG-afbeelding.');
    expect(fs.existsSync(path.join(dir, 'nep.png'))).toBe(false);
    const recent = await api(h, 'document.recent', {});
    expect(recent.json.value.map((r: { fileName: string }) => r.fileName)).toEqual(['Voorbeeldstad.regiekaart', 'nieuw.regiekaart', 'terug.regiekaart']);
  });

  it('refuses oversized requests', async () => {
    const { host: h } = await start();
    const big = await request(`${h.url}api/app.info`, { method: 'POST', headers: { [TOKEN_HEADER]: h.token }, body: 'x'.repeat(1024 * 1024 + 10) }).catch(() => ({ status: 413 }));
    expect(big.status).toBe(413);
  });
});
