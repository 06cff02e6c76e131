/**
 * Where an interaction's time goes on the page's main thread, from a Chrome trace
 * (`devtools.timeline`): the time from `bench:start` to the interaction's `view:updated` mark,
 * split into script, style/layout/paint, compositor commits and garbage collection, plus the
 * commits that still block the thread in the 300 ms after the mark.
 */
import { median } from './stats';

export interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	cat?: string;
	args?: { name?: string };
}

export type TracePart = 'script' | 'rendering' | 'commit' | 'gc';

const PART_OF: Record<string, TracePart> = {
	EventDispatch: 'script',
	RunMicrotasks: 'script',
	FunctionCall: 'script',
	TimerFire: 'script',
	HandlePostMessage: 'script',
	FireAnimationFrame: 'script',
	UpdateLayoutTree: 'rendering',
	Layout: 'rendering',
	PrePaint: 'rendering',
	Paint: 'rendering',
	Layerize: 'rendering',
	Commit: 'commit',
	MinorGC: 'gc',
	MajorGC: 'gc'
};

/** How long after the mark commits are still counted (`commitAfter`). */
export const AFTER_MS = 300;

export interface InteractionTrace {
	/** bench:start → view:updated, ms. */
	total: number;
	parts: Record<TracePart, number>;
	/** Compositor commits on the main thread in the AFTER_MS after the mark, ms. */
	commitAfter: number;
}

/** The renderer main thread that set the `bench:start` marks. */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
	const mark = events.find((e) => e.name === 'bench:start' && e.cat?.includes('user_timing'));
	if (!mark) return null;
	const named = events.find(
		(e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain'
	);
	return { pid: mark.pid, tid: named?.tid ?? mark.tid };
}

/**
 * One summary per `bench:start` that has a later `view:updated`. An event counts once, in the
 * part of the outermost known event containing it (a layout forced by a script is script time).
 */
export function summarizeTrace(events: readonly TraceEvent[]): InteractionTrace[] {
	const main = mainThread(events);
	if (!main) return [];
	const marks = events
		.filter((e) => (e.name === 'bench:start' || e.name === 'view:updated') && e.cat?.includes('user_timing'))
		.sort((a, b) => a.ts - b.ts);
	const slices = events
		.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur && PART_OF[e.name])
		.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	const outermost: TraceEvent[] = [];
	let end = -Infinity;
	for (const e of slices) {
		if (e.ts >= end) {
			outermost.push(e);
			end = e.ts + e.dur!;
		}
	}
	const out: InteractionTrace[] = [];
	for (let i = 0; i < marks.length; i++) {
		if (marks[i].name !== 'bench:start') continue;
		const done = marks.slice(i + 1).find((m) => m.name === 'view:updated');
		const next = marks.slice(i + 1).find((m) => m.name === 'bench:start');
		if (!done || (next && next.ts < done.ts)) continue;
		const from = marks[i].ts;
		const to = done.ts;
		const parts: Record<TracePart, number> = { script: 0, rendering: 0, commit: 0, gc: 0 };
		let commitAfter = 0;
		for (const e of outermost) {
			const overlap = Math.min(e.ts + e.dur!, to) - Math.max(e.ts, from);
			if (overlap > 0) parts[PART_OF[e.name]] += overlap / 1000;
			if (e.name === 'Commit' && e.ts >= to && e.ts < to + AFTER_MS * 1000) commitAfter += e.dur! / 1000;
		}
		out.push({ total: (to - from) / 1000, parts, commitAfter });
	}
	return out;
}

/** Median of each figure over the interactions. */
export function medianTrace(traces: readonly InteractionTrace[]): InteractionTrace | null {
	if (traces.length === 0) return null;
	const m = (f: (t: InteractionTrace) => number) => median(traces.map(f)) ?? 0;
	return {
		total: m((t) => t.total),
		parts: {
			script: m((t) => t.parts.script),
			rendering: m((t) => t.parts.rendering),
			commit: m((t) => t.parts.commit),
			gc: m((t) => t.parts.gc)
		},
		commitAfter: m((t) => t.commitAfter)
	};
}
