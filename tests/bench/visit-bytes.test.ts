import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countingServer, summarizeVisit, visitFigures, type Served } from './visit-bytes';

const served = (file: string, bytes: number, extra: Partial<Served> = {}): Served => ({
	url: file,
	file,
	status: 200,
	bytes,
	dest: 'empty',
	range: null,
	at: 0,
	...extra
});

describe('bytes of a visit', () => {
	it('counts what the server wrote, gzip as served', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'visit-bytes-'));
		const text = 'ภาคี แอตลาส '.repeat(500);
		await writeFile(path.join(dir, 'page.html'), text);
		const server = await countingServer(dir);
		try {
			await fetch(`${server.url}/page?lang=en`, { headers: { 'accept-encoding': 'gzip' } }).then((r) =>
				r.arrayBuffer()
			);
			await fetch(`${server.url}/missing.parquet`).then((r) => r.arrayBuffer());
			await expect.poll(() => server.log.length).toBe(2);
			const [page, missing] = server.log;
			expect(page).toMatchObject({ url: '/page?lang=en', file: '/page', status: 200 });
			expect(page.bytes).toBe(gzipSync(Buffer.from(text), { level: 6 }).length);
			expect(page.bytes).toBeLessThan(Buffer.byteLength(text));
			expect(missing.status).toBe(404);
		} finally {
			await server.close();
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('names a file downloaded twice, whatever its query; a 304 downloads nothing and parts of a file are parts', () => {
		const visit = summarizeVisit([
			served('/', 60_000, { url: '/?lang=en' }),
			served('/', 60_000),
			served('/data/provinces.geojson', 10_000),
			served('/data/provinces.geojson', 0, { status: 304 }),
			served('/data/x.parquet', 100, { range: 'bytes=0-99' }),
			served('/data/x.parquet', 100, { range: 'bytes=100-199' })
		]);
		expect(visit.requests).toBe(6);
		expect(visit.bytes).toBe(130_200);
		expect(visit.twice).toEqual([{ file: '/', times: 2, bytes: 120_000 }]);
	});

	it('reports each route against the 10 MB budget, and any file downloaded twice', () => {
		const none = { requests: 0, bytes: 0, twice: [] };
		const figures = visitFigures([
			{ route: '/', fill: true, first: { requests: 300, bytes: 4_000_000, twice: [] }, again: none },
			{
				route: '/coverage',
				fill: false,
				first: { requests: 400, bytes: 12_000_000, twice: [{ file: '/x.wasm', times: 2, bytes: 2_000 }] },
				again: none
			}
		]);
		const first = figures.filter((f) => f.label.includes('first visit,'));
		expect(first.map((f) => [f.app.median, f.ok])).toEqual([
			[4, true],
			[12, false]
		]);
		const twice = figures.at(-1)!;
		expect(twice.label).toContain('/x.wasm');
		expect([twice.app.median, twice.ok]).toEqual([2, false]);
	});
});
