#!/usr/bin/env node
// Tiny dependency-free static server for the adapter-static output in build/.
//
//   node tests/support/serve.mjs [--port 4173]      (or PORT=4173 node tests/support/serve.mjs)
//
// - binds 127.0.0.1 only
// - no SPA fallback: missing files are 404; `/foo` serves foo.html or foo/index.html
// - gzip for text-like files and .wasm when the client accepts it (compressed
//   buffers are cached in memory, keyed by path + size + mtime)
// - `Cache-Control: no-cache` (+ ETag revalidation) for everything except
//   /_app/immutable/, which is `immutable`
// - single-range `Range:` requests (parquet/arrow readers such as hyparquet and
//   DuckDB-WASM's HTTP file system rely on them); ranges are always served
//   uncompressed
//
// Also usable as a library: `const { url, close } = await startServer({ root, port })`.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, readFile, realpath } from 'node:fs/promises';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const gzipAsync = promisify(gzip);

const HOST = '127.0.0.1';
const DEFAULT_PORT = 4173;
const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(SCRIPT_DIR, '..', '..', 'build');

/** Extension (lower case, with dot) -> Content-Type. */
export const MIME_TYPES = /** @type {Record<string, string>} */ ({
	'.html': 'text/html; charset=utf-8',
	'.htm': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.cjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	'.topojson': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.tsv': 'text/tab-separated-values; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.svg': 'image/svg+xml; charset=utf-8',
	'.wasm': 'application/wasm',
	'.parquet': 'application/vnd.apache.parquet',
	'.arrow': 'application/vnd.apache.arrow.file',
	'.feather': 'application/vnd.apache.arrow.file',
	'.duckdb': 'application/octet-stream',
	'.bin': 'application/octet-stream',
	'.pbf': 'application/x-protobuf',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.ttf': 'font/ttf',
	'.otf': 'font/otf'
});

const DEFAULT_TYPE = 'application/octet-stream';

/** Content types worth gzipping (text-like + wasm). Already-compressed formats are not. */
const COMPRESSIBLE =
	/^(text\/|application\/(javascript|json|geo\+json|manifest\+json|xml|wasm)|image\/svg\+xml)/;
/** Below this size gzip is not worth the CPU / header overhead. */
const MIN_GZIP_BYTES = 1024;
/** Do not keep compressed copies of files larger than this in memory. */
const MAX_GZIP_BYTES = 128 * 1024 * 1024;

/** @param {string} filePath */
export function contentTypeFor(filePath) {
	return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? DEFAULT_TYPE;
}

/** @param {string | undefined} header */
function acceptsGzip(header) {
	if (!header) return false;
	for (const part of header.split(',')) {
		const [coding, ...params] = part.trim().toLowerCase().split(';');
		if (coding !== 'gzip' && coding !== '*') continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		if (q && Number(q.slice(2)) === 0) continue;
		return true;
	}
	return false;
}

/**
 * Parse a single `bytes=` range. Returns null when the header should be ignored
 * (absent, malformed or multi-range) and 'unsatisfiable' for a 416.
 * @param {string | undefined} header
 * @param {number} size
 * @returns {{ start: number, end: number } | null | 'unsatisfiable'}
 */
function parseRange(header, size) {
	if (!header) return null;
	const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!m || (m[1] === '' && m[2] === '')) return null;
	let start;
	let end;
	if (m[1] === '') {
		// suffix range: last N bytes
		const n = Number(m[2]);
		if (n === 0) return 'unsatisfiable';
		start = Math.max(0, size - n);
		end = size - 1;
	} else {
		start = Number(m[1]);
		end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
		if (m[2] !== '' && Number(m[2]) < start) return null;
	}
	if (start >= size) return 'unsatisfiable';
	return { start, end };
}

/**
 * @param {string} root absolute, real path of the served folder
 * @param {string} rel decoded URL pathname
 * @returns {Promise<{ file: string, stats: import('node:fs').Stats } | null>}
 */
async function resolveFile(root, rel) {
	const candidates = [];
	if (rel.endsWith('/')) {
		candidates.push(rel + 'index.html');
		if (rel !== '/') candidates.push(rel.slice(0, -1) + '.html');
	} else {
		candidates.push(rel, rel + '.html', rel + '/index.html');
	}
	for (const candidate of candidates) {
		const file = path.join(root, candidate);
		// path.join normalises `..`; refuse anything that escapes the root.
		if (file !== root && !file.startsWith(root + path.sep)) return null;
		try {
			const stats = await stat(file);
			if (stats.isFile()) return { file, stats };
		} catch {
			// try the next candidate
		}
	}
	return null;
}

/**
 * @param {{ root?: string, port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, server: import('node:http').Server, close: () => Promise<void> }>}
 */
export async function startServer({ root = DEFAULT_ROOT, port = DEFAULT_PORT, host = HOST } = {}) {
	let realRoot;
	try {
		realRoot = await realpath(path.resolve(root));
		if (!(await stat(realRoot)).isDirectory()) throw new Error('not a directory');
	} catch {
		const err = new Error(`${path.resolve(root)} does not exist or is not a directory`);
		/** @type {any} */ (err).code = 'ENOROOT';
		throw err;
	}

	/** @type {Map<string, Promise<Buffer>>} key: file|size|mtime */
	const gzipCache = new Map();

	/** @param {string} file @param {import('node:fs').Stats} stats */
	function gzipped(file, stats) {
		const key = `${file}|${stats.size}|${stats.mtimeMs}`;
		let entry = gzipCache.get(key);
		if (!entry) {
			for (const k of gzipCache.keys()) if (k.startsWith(file + '|')) gzipCache.delete(k);
			entry = readFile(file).then((buf) => gzipAsync(buf, { level: 6 }));
			entry.catch(() => gzipCache.delete(key));
			gzipCache.set(key, entry);
		}
		return entry;
	}

	const server = createServer(async (req, res) => {
		try {
			res.setHeader('X-Content-Type-Options', 'nosniff');
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
				res.end('Method Not Allowed\n');
				return;
			}

			let pathname;
			try {
				pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
			} catch {
				pathname = '\0';
			}
			if (pathname.includes('\0') || !pathname.startsWith('/')) {
				res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
				res.end('Bad Request\n');
				return;
			}

			const found = await resolveFile(realRoot, pathname);
			if (!found) {
				// No SPA fallback on purpose. Serve build/404.html as the body if it exists.
				const notFound = await resolveFile(realRoot, '/404.html');
				const body = notFound ? await readFile(notFound.file) : Buffer.from('Not Found\n');
				res.writeHead(404, {
					'Content-Type': notFound ? MIME_TYPES['.html'] : 'text/plain; charset=utf-8',
					'Content-Length': body.length,
					'Cache-Control': 'no-cache'
				});
				res.end(req.method === 'HEAD' ? undefined : body);
				return;
			}

			const { file, stats } = found;
			const type = contentTypeFor(file);
			const immutable = pathname.startsWith('/_app/immutable/');
			const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
			const compressible = COMPRESSIBLE.test(type);

			res.setHeader('Content-Type', type);
			res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
			res.setHeader('ETag', etag);
			res.setHeader('Last-Modified', stats.mtime.toUTCString());
			res.setHeader('Accept-Ranges', 'bytes');
			if (compressible) res.setHeader('Vary', 'Accept-Encoding');

			const inm = req.headers['if-none-match'];
			if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
				res.writeHead(304);
				res.end();
				return;
			}

			const range = parseRange(req.headers.range, stats.size);
			if (range === 'unsatisfiable') {
				res.writeHead(416, { 'Content-Range': `bytes */${stats.size}` });
				res.end();
				return;
			}
			if (range) {
				res.writeHead(206, {
					'Content-Range': `bytes ${range.start}-${range.end}/${stats.size}`,
					'Content-Length': range.end - range.start + 1
				});
				if (req.method === 'HEAD') return void res.end();
				createReadStream(file, { start: range.start, end: range.end }).pipe(res);
				return;
			}

			if (
				compressible &&
				stats.size >= MIN_GZIP_BYTES &&
				stats.size <= MAX_GZIP_BYTES &&
				acceptsGzip(req.headers['accept-encoding'])
			) {
				const body = await gzipped(file, stats);
				res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': body.length });
				res.end(req.method === 'HEAD' ? undefined : body);
				return;
			}

			res.writeHead(200, { 'Content-Length': stats.size });
			if (req.method === 'HEAD') return void res.end();
			const stream = createReadStream(file);
			stream.on('error', () => res.destroy());
			stream.pipe(res);
		} catch (err) {
			console.error(err);
			if (!res.headersSent) {
				res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
				res.end('Internal Server Error\n');
			} else {
				res.destroy();
			}
		}
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});

	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	const url = `http://${host}:${actualPort}/`;

	return {
		url,
		port: actualPort,
		server,
		close: () =>
			new Promise((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections();
			})
	};
}

/** @param {string[]} argv */
function parsePort(argv) {
	let raw = process.env.PORT;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--port' || arg === '-p') raw = argv[++i];
		else if (arg.startsWith('--port=')) raw = arg.slice('--port='.length);
		else if (arg === '--help' || arg === '-h') {
			console.log('usage: node tests/support/serve.mjs [--port N]   (default: $PORT or 4173; serves build/)');
			process.exit(0);
		} else {
			console.error(`serve.mjs: unknown argument ${arg}`);
			process.exit(2);
		}
	}
	if (raw === undefined || raw === '') return DEFAULT_PORT;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`serve.mjs: invalid port ${JSON.stringify(raw)}`);
		process.exit(2);
	}
	return port;
}

async function main() {
	const port = parsePort(process.argv.slice(2));
	let handle;
	try {
		handle = await startServer({ root: DEFAULT_ROOT, port });
	} catch (err) {
		const e = /** @type {NodeJS.ErrnoException} */ (err);
		if (e.code === 'ENOROOT') {
			console.error(`serve.mjs: ${path.relative(process.cwd(), DEFAULT_ROOT) || DEFAULT_ROOT}/ not found — run npm run build first`);
		} else if (e.code === 'EADDRINUSE') {
			console.error(`serve.mjs: port ${port} on ${HOST} is already in use — stop the other server or use --port / PORT`);
		} else {
			console.error(`serve.mjs: ${e.message}`);
		}
		process.exit(1);
	}
	console.log(`Phakhi Atlas running at ${handle.url}`);
	const stop = () => {
		handle.close().finally(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

const invokedDirectly =
	process.argv[1] !== undefined &&
	import.meta.url === pathToFileURL(await realpath(process.argv[1]).catch(() => process.argv[1])).href;
if (invokedDirectly) await main();
