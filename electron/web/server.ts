import fs from 'node:fs';
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { MAP_EXPORT_MAX, httpPathOf, type Handlers } from '../../shared/api';
import { dispatch } from '../../shared/util/dispatch';
import { toApiError } from '../core/errors';
import { resolveStatic } from '../core/static-files';
import { CONTENT_SECURITY_POLICY } from '../main/security';

export interface WebHostOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token (tests); a random one per run otherwise. */
  token?: string;
  maxBodyBytes?: number;
}

export interface WebHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-regiekaart-token';

/**
 * The web host: the same renderer and core, over HTTP on 127.0.0.1 only. API calls need the per-run token
 * (put in the page it serves) and a Host header naming this address, which stops other sites and DNS
 * rebinding from reaching the core through the user's browser.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  let origin = '';

  const server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...extra });
      res.end(body);
    };
    if (req.headers.host !== origin.replace('http://', '')) return send(421, 'text/plain; charset=utf-8', 'Onbekende host.');
    const url = req.url ?? '/';

    if (url.startsWith('/api/')) {
      if (req.method !== 'POST') return send(405, 'text/plain; charset=utf-8', 'Alleen POST.');
      const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
      const expected = Buffer.from(token);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return send(403, 'application/json', JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'Ongeldige of ontbrekende sleutel.' } }));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      // A map image is the one call that carries a large body; every other call keeps the small limit.
      const limit = url === httpPathOf('map.export') ? Math.max(maxBody, MAP_EXPORT_MAX + 4096) : maxBody;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > limit) {
          send(413, 'application/json', JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: `Verzoek te groot (max. ${limit} bytes).` } }));
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => {
        if (res.headersSent) return;
        let input: unknown;
        try {
          input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return send(400, 'application/json', JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'Verzoek is geen geldige JSON.' } }));
        }
        // Call names are plain ASCII; anything percent-encoded is simply an unknown call for dispatch to refuse.
        const name = url.slice('/api/'.length);
        void dispatch(options.handlers, name, input, (err) => toApiError(err, name)).then((result) =>
          send(200, 'application/json; charset=utf-8', JSON.stringify(result)),
        );
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'Niet toegelaten.');
    const hit = resolveStatic(options.rendererDir, url);
    if (!hit) return send(404, 'text/plain; charset=utf-8', 'Niet gevonden.');
    let body: string | Buffer = fs.readFileSync(hit.file);
    if (hit.file.endsWith('index.html')) {
      body = body.toString('utf8').replace('<head>', `<head>\n    <meta name="regiekaart-token" content="${token}" />`);
    }
    send(200, hit.type, body, { 'content-security-policy': CONTENT_SECURITY_POLICY });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    token,
    // A browser tab keeps its connection open (keep-alive): those are closed too, or Ctrl+C would wait for the tab.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
