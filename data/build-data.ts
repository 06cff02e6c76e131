/**
 * Builds static/data/ from data/sources/.
 *   npx tsx data/build-data.ts             always rebuild
 *   npx tsx data/build-data.ts --if-stale  rebuild only when an output is missing or older than an input
 *
 * Benchmark sizes (into another folder; never into static/data/ by accident):
 *   npx tsx data/build-data.ts --out /tmp/big --partners 100000 --projects 1000000
 *   npx tsx data/build-data.ts --out /tmp/big --network-scale 10 [--scale 500]
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildData, OUTPUT_FILES, SOURCE_FILES } from './build/build.ts';
import { DataBuildError } from './build/errors.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourcesDir = path.join(root, 'data/sources');
const buildDir = path.join(root, 'data/build');
const outDir = path.join(root, 'static/data');
const rel = (p: string): string => path.relative(root, p);

async function inputs(): Promise<string[]> {
	const code = (await readdir(buildDir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => path.join(buildDir, f));
	return [
		...Object.values(SOURCE_FILES).map((f) => path.join(sourcesDir, f)),
		...code,
		path.join(root, 'src/lib/data/contract.ts'),
		path.join(root, 'src/lib/data/quality.ts'),
		fileURLToPath(import.meta.url)
	];
}

const mtime = async (file: string): Promise<number | null> => {
	try {
		return (await stat(file)).mtimeMs;
	} catch {
		return null;
	}
};

/** Why a rebuild is needed, or null when the outputs are up to date. */
async function staleReason(): Promise<string | null> {
	let oldest = Infinity;
	for (const file of OUTPUT_FILES) {
		const t = await mtime(path.join(outDir, file));
		if (t === null) return `${rel(path.join(outDir, file))} is missing`;
		oldest = Math.min(oldest, t);
	}
	for (const file of await inputs()) {
		const t = await mtime(file);
		if (t === null) return `${rel(file)} is missing`;
		if (t > oldest) return `${rel(file)} changed`;
	}
	return null;
}

/** The value after `--name`, as a number; undefined when the flag is absent. */
function numberArg(name: string): number | undefined {
	const i = process.argv.indexOf(`--${name}`);
	if (i < 0) return undefined;
	const value = Number(process.argv[i + 1]);
	if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number ≥ 0`);
	return value;
}

async function main(): Promise<void> {
	const start = Date.now();
	const outIndex = process.argv.indexOf('--out');
	const options = {
		scale: numberArg('scale'),
		networkScale: numberArg('network-scale'),
		samplePartners: numberArg('partners'),
		sampleProjects: numberArg('projects')
	};
	const custom = Object.values(options).some((v) => v !== undefined);
	if (outIndex >= 0 || custom) {
		if (outIndex < 0) throw new Error('a benchmark size needs --out <folder> (static/data/ keeps the default size)');
		const out = path.resolve(process.argv[outIndex + 1] ?? '');
		const manifest = await buildData({ sourcesDir, outDir: out, ...options });
		const tables = Object.entries(manifest.tables).map(([name, t]) => `${name} ${t.rows}`).join(', ');
		console.log(`data: built ${out}/ in ${Date.now() - start} ms (${tables})`);
		return;
	}
	let reason = 'requested';
	if (process.argv.includes('--if-stale')) {
		const stale = await staleReason();
		if (stale === null) {
			console.log(`data: ${rel(outDir)}/ is up to date`);
			return;
		}
		reason = stale;
	}
	const manifest = await buildData({ sourcesDir, outDir });
	const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
	console.log(
		`data: built ${rel(outDir)}/ (${Object.keys(manifest.tables).length} tables, ${rows} rows, ${Date.now() - start} ms; ${reason})`
	);
}

main().catch((e: unknown) => {
	console.error(e instanceof DataBuildError ? e.message : e);
	process.exit(1);
});
