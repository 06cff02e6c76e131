/** The benchmark's table: figures with median, p95, ratio to the baseline and target. Pure; see report.test.ts. */
import { ratio, summarize, type Summary } from './stats';

export type Unit = 'ms' | 'kB' | 'MB';

export interface Target {
	/** Shown in the table, e.g. "≤ 0.2× baseline". */
	text: string;
	check: (figure: { app: Summary; baseline: Summary | null; ratio: number | null }) => boolean | null;
}

export interface Figure {
	group: string;
	label: string;
	/** "bundled" or "large (×500)"; empty when it does not depend on size. */
	size: string;
	unit: Unit;
	app: Summary;
	baseline: Summary | null;
	/** app median ÷ baseline median. */
	ratio: number | null;
	/** Median of the per-pair ratios of runs taken side by side (cold start only). */
	pairedRatio?: number | null;
	target: string | null;
	/** null when the target cannot be judged (missing data), undefined when there is no target. */
	ok?: boolean | null;
	/** Replaces the numbers, e.g. "n/a (no zone filter yet)". */
	note?: string;
}

export function figure(
	base: { group: string; label: string; size: string; unit: Unit; note?: string },
	app: readonly (number | null | undefined)[],
	baseline: readonly (number | null | undefined)[] | null,
	target?: Target
): Figure {
	const a = summarize(app);
	const b = baseline ? summarize(baseline) : null;
	const r = b ? ratio(a.median, b.median) : null;
	const out: Figure = { ...base, app: a, baseline: b, ratio: r, target: target?.text ?? null };
	if (target) out.ok = a.n === 0 ? null : target.check({ app: a, baseline: b, ratio: r });
	return out;
}

/** Targets of issue 3. */
export const TARGETS = {
	firstPaint: {
		text: '≤ 0.2× baseline',
		check: ({ ratio: r }) => (r === null ? null : r <= 0.2)
	},
	/** Bundled: one frame at the median and 50 ms at p95; large: 150 ms at p95, no median target. */
	interaction: (large: boolean): Target => {
		const median = large ? Infinity : 16;
		const p95 = large ? 150 : 50;
		return {
			text: large ? `p95 ≤ ${p95} ms` : `median ≤ ${median} ms, p95 ≤ ${p95} ms`,
			check: ({ app }) => (app.median === null || app.p95 === null ? null : app.median <= median && app.p95 <= p95)
		};
	},
	belowBaseline: {
		text: '< baseline',
		check: ({ app, baseline }) =>
			app.median === null || baseline?.median == null ? null : app.median < baseline.median
	}
} satisfies Record<string, Target | ((large: boolean) => Target)>;

export function formatValue(value: number | null, unit: Unit): string {
	if (value === null) return '–';
	if (unit === 'ms') return value >= 100 ? `${Math.round(value)}` : value.toFixed(1);
	return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export const formatRatio = (r: number | null): string => (r === null ? '–' : `${r.toFixed(2)}×`);

const mark = (ok: boolean | null | undefined): string => (ok === undefined ? '' : ok === null ? '?' : ok ? '✓' : '✗');

const HEADER = [
	'figure',
	'size',
	'unit',
	'app median',
	'app p95',
	'baseline median',
	'baseline p95',
	'app ÷ baseline',
	'target',
	''
];

/** A Markdown table, grouped by the figure's group (a bold row per group). */
export function formatTable(figures: readonly Figure[]): string {
	const rows: string[][] = [];
	let group: string | null = null;
	for (const f of figures) {
		if (f.group !== group) {
			group = f.group;
			rows.push([`**${group}**`, '', '', '', '', '', '', '', '', '']);
		}
		if (f.note) {
			rows.push([f.label, f.size, f.unit, f.note, '', '', '', '', f.target ?? '', '']);
			continue;
		}
		rows.push([
			f.label,
			f.size,
			f.unit,
			formatValue(f.app.median, f.unit),
			formatValue(f.app.p95, f.unit),
			f.baseline ? formatValue(f.baseline.median, f.unit) : '',
			f.baseline ? formatValue(f.baseline.p95, f.unit) : '',
			f.baseline ? formatRatio(f.ratio) : '',
			f.target ?? '',
			mark(f.ok)
		]);
	}
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	return [line(HEADER), line(HEADER.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Replace the text between two marker comments (kept) in a document; throws if a marker is missing. */
export function replaceBetween(doc: string, start: string, end: string, content: string): string {
	const i = doc.indexOf(start);
	const j = doc.indexOf(end, i + start.length);
	if (i < 0 || j < 0) throw new Error(`markers ${start} … ${end} not found`);
	return `${doc.slice(0, i + start.length)}\n${content}\n${doc.slice(j)}`;
}
