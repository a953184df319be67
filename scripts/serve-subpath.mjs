// Serves the built app (dist/) under a sub-path, e.g. http://localhost:4174/lab/sub/path/, with
// nothing but node:http, to check that the static build works when it is not at the site root.
//
//   node scripts/serve-subpath.mjs [--port 4174] [--base /lab/sub/path/] [--dir dist]
//
// Anything outside the base path is a 404, so an asset requested from the root fails loudly.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4174' },
    base: { type: 'string', default: '/lab/sub/path/' },
    dir: { type: 'string', default: 'dist' },
  },
});
const port = Number(values.port);
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`;
const root = resolve(values.dir);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = decodeURIComponent(url.pathname);
  if (path === base.slice(0, -1)) {
    res.writeHead(301, { location: `${base}${url.search}` });
    res.end();
    return;
  }
  if (!path.startsWith(base)) return send(res, 404, `not found: only ${base} is served`);
  const relative = path.slice(base.length) || 'index.html';
  const file = normalize(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
  // Until the build exists, report "not ready" so a test runner keeps waiting.
  if (!existsSync(join(root, 'index.html'))) return send(res, 503, 'dist/ is not built yet');
  if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, `not found: ${path}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(res);
});

server.listen(port, () => console.log(`serving ${root} at http://localhost:${port}${base}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
