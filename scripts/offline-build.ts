// Vite plugins that make the build work with no network, wherever it is put (used by vite.config.ts):
// - contentSecurityPolicy: a CSP <meta> in the built page; inline scripts and styles allowed by hash only.
// - serviceWorker: dist/sw.js (from src/sw/sw.ts) with the build's file list and hash, plus the manifest links.
// - inlineWorkers + singleFileOnly: for `npm run build:single` (mode "single"), workers inlined as Blob
//   URLs, and a check that the output is the one HTML file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import type { Plugin, ResolvedConfig } from 'vite';

/** `vite build --mode single` (npm run build:single) builds the one-file app into dist-single/. */
export const SINGLE_FILE_MODE = 'single';
/** The service worker's file, next to index.html, so its scope is the app's directory. */
export const SERVICE_WORKER_FILE = 'sw.js';
/** Cache names are `${CACHE_PREFIX}${scope}|${version}`; keep in step with src/sw/sw.ts. */
export const CACHE_PREFIX = 'feedback-loop-lab|';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVICE_WORKER_SOURCE = join(ROOT, 'src', 'sw', 'sw.ts');

// ---------------------------------------------------------------------------------------------------
// Content-Security-Policy

/**
 * The policy of every build. Scripts, styles, workers, fetches and the manifest fall back to
 * default-src 'self': no inline script or style (React's `style` props are CSSOM and need no
 * 'unsafe-inline'), no eval. The favicon is a data: URL in index.html, hence img-src data:.
 */
const BASE_POLICY: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
];

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

/** The CSP source for a script or style text, as the browser hashes it (after newline normalisation). */
export function cspHash(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalised, 'utf8').digest('base64')}'`;
}

/** The hashes of the page's inline scripts (those without src) and inline styles. */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(INLINE_SCRIPT)]
    .filter((m) => !/\bsrc\s*=/i.test(m[1] ?? ''))
    .map((m) => cspHash(m[2] ?? ''));
  const styles = [...html.matchAll(INLINE_STYLE)].map((m) => cspHash(m[1] ?? ''));
  return { scripts: [...new Set(scripts)], styles: [...new Set(styles)] };
}

/** The policy for a built page: the base policy, plus the hashes of its inline code, plus blob: workers if asked. */
export function policyFor(html: string, options: { blobWorkers?: boolean } = {}): string {
  const { scripts, styles } = inlineHashes(html);
  const directives: Array<readonly [string, readonly string[]]> = [...BASE_POLICY];
  if (scripts.length) directives.push(['script-src', ["'self'", ...scripts]]);
  if (styles.length) directives.push(['style-src', ["'self'", ...styles]]);
  if (options.blobWorkers) directives.push(['worker-src', ["'self'", 'blob:']]);
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Adds the CSP meta right after <meta charset> (a meta policy covers only what follows it). Runs last
 * on the finished HTML (after vite-plugin-singlefile has inlined the code), so the hashes are final.
 */
export function contentSecurityPolicy(options: { blobWorkers?: boolean } = {}): Plugin {
  return {
    name: 'feedback-loop-lab:csp',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          const html = String(file.source);
          if (/http-equiv\s*=\s*["']?content-security-policy/i.test(html)) {
            this.error(`${file.fileName} already has a Content-Security-Policy meta`);
          }
          const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html, options)}" />`;
          const charset = /<meta\s+charset=[^>]*>/i.exec(html);
          if (!charset) this.error(`${file.fileName} has no <meta charset> to put the CSP after`);
          const at = charset.index + charset[0].length;
          file.source = `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
        }
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Service worker

/** What the service worker caches: each file relative to sw.js with its SRI hash, and the build hash. */
export interface Precache {
  version: string;
  files: Record<string, string>;
}

/**
 * The precache list of a build's files (name relative to the output directory → contents). index.html
 * is listed as "./", the URL a static host serves it at; sw.js and source maps are left out. The
 * version is a hash of the list, so it changes whenever any file does.
 */
export function precacheManifest(
  files: Iterable<readonly [string, string | Uint8Array]>,
): Precache {
  const entries = [...files]
    .filter(([name]) => name !== SERVICE_WORKER_FILE && !name.endsWith('.map'))
    .map(([name, body]): [string, string] => [
      name === 'index.html' ? './' : name,
      `sha256-${createHash('sha256').update(body).digest('base64')}`,
    ])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const version = createHash('sha256')
    .update(entries.map(([path, integrity]) => `${path} ${integrity}\n`).join(''))
    .digest('hex')
    .slice(0, 16);
  return { version, files: Object.fromEntries(entries) };
}

/** dist/sw.js for a precache list: src/sw/sw.ts compiled to a classic script, the list in front. */
export async function serviceWorkerScript(precache: Precache): Promise<string> {
  const source = readFileSync(SERVICE_WORKER_SOURCE, 'utf8');
  const { code } = await transform(source, {
    loader: 'ts',
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
  });
  return `// Generated by scripts/offline-build.ts from src/sw/sw.ts; build ${precache.version}.\nconst PRECACHE = ${JSON.stringify(precache, null, 2)};\n${code}`;
}

/** Every file under `dir`, as [path relative to dir with "/" separators, contents]. */
function filesUnder(dir: string): Array<[string, Buffer]> {
  const out: Array<[string, Buffer]> = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push([relative(dir, path).split(sep).join('/'), readFileSync(path)]);
    }
  };
  walk(dir);
  return out;
}

/**
 * Emits sw.js, listing every file of the build (bundle and public/) for the cache, and links the web app
 * manifest from the page. After writing, checks the listed files on disk against their hashes, so a
 * later plugin that changed a file cannot leave a service worker that refuses to install.
 */
export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  let precache: Precache | null = null;
  return {
    name: 'feedback-loop-lab:service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: './manifest.webmanifest' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: './icon-192.png' }, injectTo: 'head' },
    ],
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const files: Array<[string, string | Uint8Array]> = Object.values(bundle).map((file) => [
          file.fileName,
          file.type === 'chunk' ? file.code : file.source,
        ]);
        if (config.publicDir) files.push(...filesUnder(config.publicDir));
        const names = new Set(files.map(([name]) => name));
        for (const required of ['index.html', 'manifest.webmanifest']) {
          if (!names.has(required)) this.error(`the service worker's file list has no ${required}`);
        }
        if (names.has(SERVICE_WORKER_FILE))
          this.error(`${SERVICE_WORKER_FILE} is a file of the build already`);
        precache = precacheManifest(files);
        this.emitFile({
          type: 'asset',
          fileName: SERVICE_WORKER_FILE,
          source: await serviceWorkerScript(precache),
        });
      },
    },
    writeBundle(options) {
      const dir = options.dir;
      if (!precache || !dir) return;
      const changed = Object.entries(precache.files).filter(([path, integrity]) => {
        const body = readFileSync(join(dir, path === './' ? 'index.html' : path));
        return `sha256-${createHash('sha256').update(body).digest('base64')}` !== integrity;
      });
      if (changed.length) {
        this.error(
          `files written differ from ${SERVICE_WORKER_FILE}'s list: ${changed.map(([p]) => p).join(', ')}`,
        );
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Single-file build

/** `new Worker(new URL('./x.ts', import.meta.url), options)`, the form Vite bundles as a worker file. */
const URL_WORKER =
  /new\s+Worker\(\s*new\s+URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)\s*(?:,\s*(\{[^()]*\}))?\s*\)/g;

/**
 * Rewrites each `new Worker(new URL('./x.ts', import.meta.url), options)` in our sources to Vite's
 * inline worker (`import W from './x.ts?worker&inline'`; `new W(options)`), which starts the worker
 * from a Blob URL of its bundled code: a page opened from file:// cannot load a worker file. Only the
 * single-file build uses it; the normal build keeps the worker as its own cached file.
 */
export function inlineWorkers(): Plugin {
  return {
    name: 'feedback-loop-lab:inline-workers',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('/node_modules/') || id.includes('?') || !/\.[cm]?[jt]sx?$/.test(id))
        return null;
      if (!code.includes('new Worker')) return null;
      const imports: string[] = [];
      const rewritten = code.replace(
        URL_WORKER,
        (_match, _quote: string, spec: string, options?: string) => {
          const name = `__InlineWorker${imports.length}`;
          imports.push(`import ${name} from ${JSON.stringify(`${spec}?worker&inline`)};`);
          return `new ${name}(${options ?? ''})`;
        },
      );
      return imports.length ? { code: `${imports.join('\n')}\n${rewritten}`, map: null } : null;
    },
  };
}

/** Fails the single-file build unless its output is exactly index.html (everything inlined). */
export function singleFileOnly(): Plugin {
  return {
    name: 'feedback-loop-lab:single-file-only',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const others = Object.keys(bundle).filter((name) => name !== 'index.html');
        if (others.length)
          this.error(
            `the single-file build would write more than index.html: ${others.join(', ')}`,
          );
        const html = bundle['index.html'];
        if (!html || html.type !== 'asset') this.error('the single-file build has no index.html');
        if (
          /<script\b[^>]*\bsrc\s*=|<link\b[^>]*\brel=["']?stylesheet/i.test(String(html.source))
        ) {
          this.error(
            'index.html of the single-file build still loads a script or stylesheet from a file',
          );
        }
      },
    },
  };
}
