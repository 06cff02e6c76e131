/**
 * Parquet decoding, A/B in one run: the app's decoder (src/lib/data/parquet-to-arrow.ts) as it is
 * now and as it was at a git ref, on the same files, interleaved, in Node (the decoder's worker runs
 * the same code). Issue 24 asks that reading every Parquet file a real system writes costs the
 * bench's large tables no more time than before.
 *
 *   npx tsx tests/bench/decode-ab.ts [--ref cd39cb0^] [--runs 3] [--dir bench-results/site-scale-500/data] [table …]
 *
 * The default directory is the large site `npm run bench` builds (1 000 001 projects). Prints one
 * line per table: the median of each side and their ratio (now ÷ before).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parquetToArrow as now } from '../../src/lib/data/parquet-to-arrow';
import { median } from './stats';

type Decode = typeof now;
const ROOT = path.resolve(import.meta.dirname, '../..');
const DECODER = 'src/lib/data/parquet-to-arrow.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
	const i = args.indexOf(name);
	return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const ref = option('--ref', 'cd39cb0^');
const runs = Number(option('--runs', '3'));
const dir = option('--dir', 'bench-results/site-scale-500/data');
const tables = args.length ? args : ['projects', 'instalments', 'partners', 'indicator_values'];

/** The decoder at `ref`, written beside this script so that it resolves the same packages (it imports packages only). */
async function decoderAt(gitRef: string): Promise<{ decode: Decode; remove: () => void }> {
	const source = execFileSync('git', ['show', `${gitRef}:${DECODER}`], { cwd: ROOT, encoding: 'utf8' });
	const file = path.join(import.meta.dirname, `.decode-ab-${process.pid}.ts`);
	writeFileSync(file, source);
	try {
		const mod = (await import(pathToFileURL(file).href)) as { parquetToArrow: Decode };
		return { decode: mod.parquetToArrow, remove: () => rmSync(file, { force: true }) };
	} catch (e) {
		rmSync(file, { force: true });
		throw e;
	}
}

const ms = (x: number) => `${Math.round(x)} ms`;
const { decode: before, remove } = await decoderAt(ref);
try {
	console.log(`decode A/B: ${DECODER} at ${ref} (before) and in the working tree (now); ${runs} runs each, interleaved`);
	for (const table of tables) {
		const bytes = new Uint8Array(readFileSync(path.resolve(ROOT, dir, `${table}.parquet`)));
		const times = { before: [] as number[], now: [] as number[] };
		let rows = 0;
		for (let i = 0; i < runs; i++) {
			const order = i % 2 ? (['now', 'before'] as const) : (['before', 'now'] as const);
			for (const side of order) {
				const start = performance.now();
				const decoded = await (side === 'now' ? now : before)(bytes, table);
				times[side].push(performance.now() - start);
				rows = decoded.numRows;
			}
		}
		const b = median(times.before)!;
		const n = median(times.now)!;
		console.log(
			`${table} (${rows.toLocaleString('en')} rows, ${(bytes.length / 1e6).toFixed(1)} MB): before ${ms(b)}, now ${ms(n)}, now ÷ before ${(n / b).toFixed(2)}`
		);
	}
} finally {
	remove();
}
