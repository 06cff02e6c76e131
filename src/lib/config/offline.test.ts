import { describe, expect, it } from 'vitest';
import { backgroundAllowed, backgroundPages, cacheKey, dataFileOf, isNeededStatic, isShellFile } from './offline';

describe('the offline plan', () => {
	it('fills in the background only when the user does not save data and the connection is not cellular or slow', () => {
		expect(backgroundAllowed(undefined)).toBe(true);
		expect(backgroundAllowed({ type: 'wifi', effectiveType: '4g' })).toBe(true);
		expect(backgroundAllowed({ saveData: true, type: 'wifi' })).toBe(false);
		expect(backgroundAllowed({ type: 'cellular', effectiveType: '4g' })).toBe(false);
		expect(backgroundAllowed({ effectiveType: '2g' })).toBe(false);
	});

	it('stores the shell without the WebAssembly builds, the old font format or the old browsers’ DuckDB worker', () => {
		expect(isShellFile('/_app/immutable/chunks/Cx2A-4WM.js')).toBe(true);
		expect(isShellFile('/_app/immutable/assets/noto-sans-thai-thai-400-normal.BEOmKAI1.woff2')).toBe(true);
		expect(isShellFile('/_app/immutable/assets/noto-sans-thai-thai-400-normal.Dxb_unuU.woff')).toBe(false);
		expect(isShellFile('/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm')).toBe(false);
		expect(isShellFile('/_app/immutable/assets/duckdb-browser-mvp.worker.C9hF7LGh.js')).toBe(false);
		expect(isShellFile('/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js')).toBe(true);
	});

	it('leaves link-preview images and the benchmark out', () => {
		expect(isNeededStatic('/data/partners.parquet')).toBe(true);
		expect(isNeededStatic('/preview/province-67.png')).toBe(false);
		expect(isNeededStatic('/atlas/preview/zone-2.png', '/atlas')).toBe(false);
		expect(isNeededStatic('/bench/baseline')).toBe(false);
	});

	it('names a page’s data file as the router fetches it, and stores a page without its query', () => {
		expect(dataFileOf('/')).toBe('/__data.json');
		expect(dataFileOf('/atlas', '/atlas')).toBe('/atlas/__data.json');
		expect(dataFileOf('/province/40')).toBe('/province/40/__data.json');
		expect(cacheKey(new URL('http://h/coverage?lang=en&zone=10'))).toBe('http://h/coverage');
	});

	it('orders the background pages sections first, each with its data, without previews or other files', () => {
		const prerendered = [
			'/brief/province/40',
			'/brief/province/40/__data.json',
			'/province/40',
			'/province/40/__data.json',
			'/coverage',
			'/coverage/__data.json',
			'/',
			'/__data.json',
			'/manifest-en.webmanifest',
			'/preview/province-40.png',
			'/bench/baseline'
		];
		expect(backgroundPages(prerendered)).toEqual([
			'/',
			'/__data.json',
			'/coverage',
			'/coverage/__data.json',
			'/province/40',
			'/province/40/__data.json',
			'/brief/province/40',
			'/brief/province/40/__data.json'
		]);
	});
});
