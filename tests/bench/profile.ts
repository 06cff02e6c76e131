/** Summaries of V8 CPU profiles (CDP Profiler.stop), for `npm run bench -- --profile`. Pure; see profile.test.ts. */

export interface CpuProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
	children?: number[];
}

export interface CpuProfile {
	nodes: CpuProfileNode[];
	startTime: number;
	endTime: number;
	samples?: number[];
	/** Microseconds since the previous sample. */
	timeDeltas?: number[];
}

export interface ProfileSummary {
	/** Sampled time, ms, idle excluded. */
	busyMs: number;
	/** Self time per script file (or V8 category such as "(garbage collector)"), largest first. */
	byScript: { script: string; ms: number }[];
	/** Self time per function, largest first. */
	top: { fn: string; script: string; line: number; ms: number }[];
}

const scriptName = (url: string): string => (url ? (url.split('/').pop() ?? url) : '');

/** Self time by script and by function; `(idle)` is left out, `(program)` and `(garbage collector)` kept. */
export function summarizeProfile(profile: CpuProfile, topN = 12): ProfileSummary {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const scripts = new Map<string, number>();
	const functions = new Map<string, { fn: string; script: string; line: number; ms: number }>();
	let busy = 0;
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	for (let i = 0; i < samples.length; i++) {
		const node = byId.get(samples[i]);
		if (!node) continue;
		// A sample's delta is the time since the previous sample; charge it to this sample.
		const ms = Math.max(0, deltas[i] ?? 0) / 1000;
		const { functionName, url, lineNumber } = node.callFrame;
		if (functionName === '(idle)') continue;
		busy += ms;
		const script = scriptName(url) || (functionName.startsWith('(') ? functionName : '(native)');
		scripts.set(script, (scripts.get(script) ?? 0) + ms);
		const key = `${functionName}\u0000${url}\u0000${lineNumber}`;
		const entry = functions.get(key) ?? { fn: functionName || '(anonymous)', script, line: lineNumber + 1, ms: 0 };
		entry.ms += ms;
		functions.set(key, entry);
	}
	const round = (n: number) => Math.round(n * 10) / 10;
	return {
		busyMs: round(busy),
		byScript: [...scripts].map(([script, ms]) => ({ script, ms: round(ms) })).sort((a, b) => b.ms - a.ms),
		top: [...functions.values()]
			.sort((a, b) => b.ms - a.ms)
			.slice(0, topN)
			.map((f) => ({ ...f, ms: round(f.ms) }))
	};
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/**
 * A readable name for a built script (hashed chunk names change with every
 * build): the big libraries are recognised by strings they contain. Returns
 * null when nothing is recognised.
 */
export function chunkLabel(file: string, source: string): string | null {
	if (/^[0-9a-f]{8}$/.test(file)) return 'wasm module';
	if (count(source, /maplibre/gi) >= 50) return 'MapLibre';
	if (count(source, /duckdb/gi) >= 20 && count(source, /RecordBatch/g) >= 20)
		return 'DuckDB-WASM JS + Arrow + hyparquet';
	if (source.length > 200_000 && count(source, /echarts|zrender/gi) >= 1) return 'ECharts';
	if (count(source, /sveltekit/gi) >= 5) return 'SvelteKit runtime';
	return null;
}
