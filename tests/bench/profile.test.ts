import { describe, expect, it } from 'vitest';
import { chunkLabel, summarizeProfile, type CpuProfile } from './profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

const PROFILE: CpuProfile = {
	startTime: 0,
	endTime: 10_000,
	nodes: [
		{ id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 5] },
		{ id: 2, callFrame: frame('(idle)') },
		{ id: 3, callFrame: frame('decode', 'http://127.0.0.1:1/_app/immutable/chunks/A.js', 9) },
		{ id: 4, callFrame: frame('(garbage collector)') },
		{ id: 5, callFrame: frame('', 'http://127.0.0.1:1/_app/immutable/chunks/B.js', 0) }
	],
	// µs since the previous sample
	samples: [2, 3, 3, 4, 5, 3],
	timeDeltas: [5000, 1000, 1000, 500, 250, 1000]
};

describe('summarizeProfile', () => {
	it('adds self time per script and per function, leaving idle out', () => {
		const s = summarizeProfile(PROFILE);
		expect(s.busyMs).toBe(3.8);
		expect(s.byScript).toEqual([
			{ script: 'A.js', ms: 3 },
			{ script: '(garbage collector)', ms: 0.5 },
			{ script: 'B.js', ms: 0.3 }
		]);
		expect(s.top[0]).toEqual({ fn: 'decode', script: 'A.js', line: 10, ms: 3 });
		expect(s.top.map((f) => f.fn)).toEqual(['decode', '(garbage collector)', '(anonymous)']);
	});

	it('keeps only the top N functions and copes with an empty profile', () => {
		expect(summarizeProfile(PROFILE, 1).top).toHaveLength(1);
		expect(summarizeProfile({ nodes: [], startTime: 0, endTime: 0 })).toEqual({ busyMs: 0, byScript: [], top: [] });
	});
});

describe('chunkLabel', () => {
	it('recognises the big libraries by what their code says', () => {
		expect(chunkLabel('tOI5EFPD.js', 'maplibre '.repeat(60))).toBe('MapLibre');
		expect(chunkLabel('5fMWH2RP.js', 'duckdb RecordBatch '.repeat(30))).toBe('DuckDB-WASM JS + Arrow + hyparquet');
		expect(chunkLabel('rOILYH3h.js', `${'x'.repeat(250_000)} echarts`)).toBe('ECharts');
		expect(chunkLabel('082a006a', '')).toBe('wasm module');
		expect(chunkLabel('small.js', 'export const a = 1;')).toBeNull();
	});
});
