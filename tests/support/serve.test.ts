import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startServer } from './serve.mjs';
import { findChromium } from './ensure-chromium.mjs';

interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** Raw HTTP GET/HEAD (global fetch would transparently gunzip). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const req = request(url, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

const WASM = Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]), Buffer.alloc(8192, 0)]);
const BIG_JS = 'export const rows = [' + Array.from({ length: 500 }, (_, i) => `{"id":${i}}`).join(',') + '];\n';

describe('tests/support/serve.mjs', () => {
	let root: string;
	let server: { url: string; close: () => Promise<void> };

	beforeAll(async () => {
		root = mkdtempSync(path.join(tmpdir(), 'phakhi-serve-'));
		const files: Record<string, string | Buffer> = {
			'index.html': '<!doctype html><title>home</title>',
			'foo.html': '<!doctype html><title>foo</title>',
			'bar/index.html': '<!doctype html><title>bar</title>',
			'duckdb.wasm': WASM,
			'_app/immutable/entry/app.abc123.js': BIG_JS,
			'_app/version.json': '{"version":"1"}',
			'data/th.geojson': '{"type":"FeatureCollection","features":[]}',
			'data/facts.parquet': Buffer.from('PAR1' + 'x'.repeat(2000) + 'PAR1'),
			'fonts/noto.woff2': Buffer.from('wOF2fake'),
			'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
			'style.css': 'body{margin:0}'.repeat(200)
		};
		for (const [rel, content] of Object.entries(files)) {
			mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
			writeFileSync(path.join(root, rel), content);
		}
		server = await startServer({ root, port: 0 });
	});

	afterAll(async () => {
		await server?.close();
		rmSync(root, { recursive: true, force: true });
	});

	it('listens on 127.0.0.1 and reports its url', () => {
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
	});

	it.each([
		['/', 'text/html; charset=utf-8'],
		['/duckdb.wasm', 'application/wasm'],
		['/_app/immutable/entry/app.abc123.js', 'text/javascript; charset=utf-8'],
		['/_app/version.json', 'application/json; charset=utf-8'],
		['/data/th.geojson', 'application/geo+json; charset=utf-8'],
		['/data/facts.parquet', 'application/vnd.apache.parquet'],
		['/fonts/noto.woff2', 'font/woff2'],
		['/favicon.svg', 'image/svg+xml; charset=utf-8'],
		['/style.css', 'text/css; charset=utf-8']
	])('serves %s as %s', async (p, type) => {
		const res = await get(server.url + p.slice(1));
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe(type);
		expect(res.headers['x-content-type-options']).toBe('nosniff');
	});

	it('gzips text and wasm when accepted, and not otherwise', async () => {
		for (const p of ['duckdb.wasm', '_app/immutable/entry/app.abc123.js', 'style.css']) {
			const gz = await get(server.url + p, { 'Accept-Encoding': 'gzip, deflate, br' });
			expect(gz.headers['content-encoding'], p).toBe('gzip');
			expect(gz.headers['vary']).toBe('Accept-Encoding');
			expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
			const plain = await get(server.url + p);
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(gunzipSync(gz.body).equals(plain.body), p).toBe(true);
			expect(gz.body.length).toBeLessThan(plain.body.length);
		}
		// served again from the in-memory cache: identical bytes
		const a = await get(server.url + 'duckdb.wasm', { 'Accept-Encoding': 'gzip' });
		const b = await get(server.url + 'duckdb.wasm', { 'Accept-Encoding': 'gzip' });
		expect(a.body.equals(b.body)).toBe(true);
		expect(gunzipSync(a.body).equals(WASM)).toBe(true);

		const refused = await get(server.url + 'duckdb.wasm', { 'Accept-Encoding': 'gzip;q=0, br' });
		expect(refused.headers['content-encoding']).toBeUndefined();
		const binary = await get(server.url + 'data/facts.parquet', { 'Accept-Encoding': 'gzip' });
		expect(binary.headers['content-encoding']).toBeUndefined();
	});

	it('sets cache headers: no-cache for html, immutable for /_app/immutable/', async () => {
		expect((await get(server.url)).headers['cache-control']).toBe('no-cache');
		expect((await get(server.url + 'foo')).headers['cache-control']).toBe('no-cache');
		expect((await get(server.url + '_app/immutable/entry/app.abc123.js')).headers['cache-control']).toMatch(
			/immutable/
		);
		expect((await get(server.url + '_app/version.json')).headers['cache-control']).not.toMatch(/immutable/);
	});

	it('maps /foo to foo.html and /bar to bar/index.html', async () => {
		const foo = await get(server.url + 'foo');
		expect(foo.status).toBe(200);
		expect(foo.body.toString()).toContain('<title>foo</title>');
		expect((await get(server.url + 'foo.html')).body.toString()).toContain('<title>foo</title>');
		for (const p of ['bar', 'bar/', 'bar/index.html']) {
			const bar = await get(server.url + p);
			expect(bar.status, p).toBe(200);
			expect(bar.headers['content-type']).toBe('text/html; charset=utf-8');
			expect(bar.body.toString()).toContain('<title>bar</title>');
		}
	});

	it('returns 404 for missing files (no SPA fallback) and refuses path traversal', async () => {
		for (const p of ['missing', 'missing.js', 'data/nope.parquet', 'bar/missing']) {
			const res = await get(server.url + p);
			expect(res.status, p).toBe(404);
			expect(res.body.toString()).not.toContain('<title>home</title>');
		}
		const outside = path.basename(root) + '-secret.txt';
		writeFileSync(path.join(root, '..', outside), 'secret');
		try {
			const res = await get(server.url + `..%2f${outside}`);
			expect([400, 404]).toContain(res.status);
			expect(res.body.toString()).not.toContain('secret');
		} finally {
			rmSync(path.join(root, '..', outside), { force: true });
		}
	});

	it('supports HEAD, ETag revalidation and byte ranges', async () => {
		const head = await get(server.url + 'data/facts.parquet', {}, 'HEAD');
		expect(head.status).toBe(200);
		expect(head.headers['content-length']).toBe('2008');
		expect(head.headers['accept-ranges']).toBe('bytes');
		expect(head.body.length).toBe(0);

		const etag = String(head.headers['etag']);
		expect((await get(server.url + 'data/facts.parquet', { 'If-None-Match': etag })).status).toBe(304);

		const tail = await get(server.url + 'data/facts.parquet', { Range: 'bytes=-4' });
		expect(tail.status).toBe(206);
		expect(tail.headers['content-range']).toBe('bytes 2004-2007/2008');
		expect(tail.body.toString()).toBe('PAR1');
		const mid = await get(server.url + 'data/facts.parquet', { Range: 'bytes=0-3', 'Accept-Encoding': 'gzip' });
		expect(mid.status).toBe(206);
		expect(mid.headers['content-encoding']).toBeUndefined();
		expect(mid.body.toString()).toBe('PAR1');
		expect((await get(server.url + 'data/facts.parquet', { Range: 'bytes=5000-' })).status).toBe(416);

		expect((await get(server.url, {}, 'POST')).status).toBe(405);
	});

	it('rejects a missing root with a recognisable error', async () => {
		await expect(startServer({ root: path.join(root, 'does-not-exist'), port: 0 })).rejects.toMatchObject({
			code: 'ENOROOT'
		});
	});
});

describe('findChromium()', () => {
	const saved = process.env.CHROMIUM_PATH;
	let dir: string;

	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'phakhi-chromium-'));
	});
	afterEach(() => {
		if (saved === undefined) delete process.env.CHROMIUM_PATH;
		else process.env.CHROMIUM_PATH = saved;
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('prefers an executable CHROMIUM_PATH over everything else', () => {
		const fake = path.join(dir, 'my-chrome');
		writeFileSync(fake, '#!/bin/sh\necho fake\n');
		chmodSync(fake, 0o755);
		process.env.CHROMIUM_PATH = fake;
		expect(findChromium()).toBe(fake);
		expect(findChromium({ env: { CHROMIUM_PATH: fake }, candidates: [], includePlaywright: false })).toBe(fake);
	});

	it('ignores a CHROMIUM_PATH that is missing or not executable', () => {
		const notExec = path.join(dir, 'not-executable');
		writeFileSync(notExec, '');
		chmodSync(notExec, 0o644);
		for (const p of [path.join(dir, 'missing'), notExec]) {
			expect(findChromium({ env: { CHROMIUM_PATH: p }, candidates: [], includePlaywright: false, quiet: true })).toBeNull();
		}
		const fallback = path.join(dir, 'fallback-chrome');
		writeFileSync(fallback, '');
		chmodSync(fallback, 0o755);
		expect(
			findChromium({ env: { CHROMIUM_PATH: notExec }, candidates: [fallback], includePlaywright: false, quiet: true })
		).toBe(fallback);
	});
});
