import { describe, expect, it } from 'vitest';
import { medianTrace, summarizeTrace, type TraceEvent } from './trace';

const PID = 7;
const MAIN = 1;
const mark = (name: string, ms: number): TraceEvent => ({
	name,
	ph: 'R',
	ts: ms * 1000,
	pid: PID,
	tid: MAIN,
	cat: 'blink.user_timing'
});
const slice = (name: string, ms: number, durMs: number, tid = MAIN): TraceEvent => ({
	name,
	ph: 'X',
	ts: ms * 1000,
	dur: durMs * 1000,
	pid: PID,
	tid
});
const threadName: TraceEvent = {
	name: 'thread_name',
	ph: 'M',
	ts: 0,
	pid: PID,
	tid: MAIN,
	args: { name: 'CrRendererMain' }
};

describe('summarizeTrace', () => {
	it('splits bench:start → view:updated into parts, counting nested events once, in their outer part', () => {
		const [t] = summarizeTrace([
			threadName,
			mark('bench:start', 100),
			slice('RunMicrotasks', 100, 20),
			slice('FunctionCall', 102, 15), // inside the microtasks: not counted again
			slice('Layout', 110, 2), // forced by the script: script time
			slice('Layout', 121, 1),
			slice('MinorGC', 123, 1),
			slice('FireAnimationFrame', 126, 3),
			mark('view:updated', 129),
			slice('Commit', 130, 25),
			slice('Commit', 500, 25), // beyond the 300 ms after the mark
			slice('FunctionCall', 105, 50, 99) // another thread
		]);
		expect(t.total).toBe(29);
		expect(t.parts).toEqual({ script: 23, rendering: 1, commit: 0, gc: 1 });
		expect(t.commitAfter).toBe(25);
	});

	it('cuts an event at the window, skips a start without its mark, and finds no thread without marks', () => {
		const traces = summarizeTrace([
			threadName,
			mark('bench:start', 0),
			mark('bench:start', 50),
			slice('FunctionCall', 45, 10),
			mark('view:updated', 60),
			slice('Commit', 58, 10)
		]);
		expect(traces).toHaveLength(1);
		expect(traces[0].parts).toEqual({ script: 5, rendering: 0, commit: 2, gc: 0 });
		expect(summarizeTrace([slice('FunctionCall', 0, 5)])).toEqual([]);
	});

	it('takes medians part by part', () => {
		const t = (total: number, script: number) => ({
			total,
			parts: { script, rendering: 0, commit: 0, gc: 0 },
			commitAfter: 0
		});
		expect(medianTrace([t(10, 5), t(30, 1), t(20, 9)])).toEqual(t(20, 5));
		expect(medianTrace([])).toBeNull();
	});
});
