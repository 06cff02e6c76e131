/**
 * Builds static/data/ from data/sources/.
 *   npm run data            always rebuild (tsx --tsconfig data/tsconfig.json data/build-data.ts: the
 *                           tsconfig resolves $lib, for the Your data page's code the exports go through)
 *   npm run data:if-stale   rebuild only when an output is missing or older than an input
 *                           (a build from exports is rebuilt from the same exports folder)
 *   npm run data:bundled    the same, but the bundled data is needed (npm test): a build from
 *                           exports is replaced by the bundled data, saying so
 *
 * An organisation's own exports (README, "Deploy for your organisation"):
 *   npm run data -- --exports <folder> [--strict] [--out <folder>]
 * Partners, projects and instalments from the folder's files replace the bundled and sample ones; the
 * validation report is written beside the data (report.md, report.json). --strict fails on any problem.
 *
 * Benchmark sizes (into another folder; never into static/data/ by accident):
 *   npm run data -- --out /tmp/big --partners 100000 --projects 1000000
 *   npm run data -- --out /tmp/big --network-scale 10 [--scale 500]
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildData, MANIFEST_FILE, OUTPUT_FILES, SOURCE_FILES, type Manifest } from './build/build.ts';
import { DataBuildError } from './build/errors.ts';
import { MappingFileError } from './build/exports.ts';
import { REPORT_MARKDOWN_FILE, StrictExportsError } from './build/report.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourcesDir = path.join(root, 'data/sources');
const buildDir = path.join(root, 'data/build');
const outDir = path.join(root, 'static/data');
const rel = (p: string): string => path.relative(root, p);

async function inputs(): Promise<string[]> {
	const code = (await readdir(buildDir))
		.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
		.map((f) => path.join(buildDir, f));
	return [
		...Object.values(SOURCE_FILES).map((f) => path.join(sourcesDir, f)),
		...code,
		path.join(root, 'src/lib/data/contract.ts'),
		path.join(root, 'src/lib/core/domain.ts'),
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

/** The exports a previous build was made from (its manifest), or null. */
async function previousExports(dir: string): Promise<Manifest['exports'] | null> {
	try {
		return (JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest).exports ?? null;
	} catch {
		return null;
	}
}

/** The files of an exports folder (names), or null when it is gone. */
async function exportFiles(folder: string): Promise<string[] | null> {
	try {
		const entries = await readdir(folder, { withFileTypes: true });
		return entries
			.filter((e) => e.isFile() && !e.name.startsWith('.'))
			.map((e) => e.name)
			.sort();
	} catch {
		return null;
	}
}

/** Why a rebuild is needed, or null when the outputs are up to date. */
async function staleReason(exports: Manifest['exports'] | null): Promise<string | null> {
	let oldest = Infinity;
	for (const file of OUTPUT_FILES) {
		const t = await mtime(path.join(outDir, file));
		if (t === null) return `${rel(path.join(outDir, file))} is missing`;
		oldest = Math.min(oldest, t);
	}
	const files = await inputs();
	if (exports) {
		const folder = path.resolve(root, exports.folder);
		const present = await exportFiles(folder);
		if (present === null)
			throw new Error(
				`static/data/ was built from the exports folder ${exports.folder}, which is gone: rebuild with npm run data (bundled data) or npm run data -- --exports <folder>`
			);
		if (JSON.stringify(present) !== JSON.stringify(Object.keys(exports.files).sort()))
			return `the files of ${exports.folder} changed`;
		files.push(...present.map((f) => path.join(folder, f)));
		// The Your data page's code reads the exports (src/lib/upload, its messages).
		const upload = path.join(root, 'src/lib/upload');
		files.push(
			...(await readdir(upload))
				.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
				.map((f) => path.join(upload, f)),
			path.join(root, 'src/lib/i18n/messages.ts')
		);
	}
	for (const file of files) {
		const t = await mtime(file);
		if (t === null) return `${rel(file)} is missing`;
		if (t > oldest) return `${rel(file)} changed`;
	}
	return null;
}

/** The value after `--name`, or undefined when the flag is absent. */
function stringArg(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	if (i < 0) return undefined;
	const value = process.argv[i + 1];
	if (!value || value.startsWith('--')) throw new Error(`--${name} needs a folder`);
	return value;
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
	// Kept relative to the project (the manifest is served with the site: no local paths in it).
	const exportsArg = stringArg('exports');
	const exportsDir = exportsArg === undefined ? undefined : rel(path.resolve(exportsArg));
	const strict = process.argv.includes('--strict');
	if (strict && !exportsDir) throw new Error('--strict goes with --exports <folder>');
	if (exportsDir) {
		const out = outIndex >= 0 ? path.resolve(process.argv[outIndex + 1] ?? '') : outDir;
		const manifest = await buildData({ sourcesDir, outDir: out, exportsDir, strict, ...options });
		const e = manifest.exports!;
		const tables = Object.entries(e.tables)
			.map(([name, n]) => `${name} ${n}`)
			.join(', ');
		console.log(
			`data: built ${rel(out)}/ from ${exportsDir} in ${Date.now() - start} ms (${tables || 'no table'} from the exports)`
		);
		console.log(
			`data: ${e.problems} problem${e.problems === 1 ? '' : 's'} in the exports, listed in ${rel(path.join(out, REPORT_MARKDOWN_FILE))}`
		);
		return;
	}
	if (outIndex >= 0 || custom) {
		if (outIndex < 0) throw new Error('a benchmark size needs --out <folder> (static/data/ keeps the default size)');
		const out = path.resolve(process.argv[outIndex + 1] ?? '');
		const manifest = await buildData({ sourcesDir, outDir: out, ...options });
		const tables = Object.entries(manifest.tables)
			.map(([name, t]) => `${name} ${t.rows}`)
			.join(', ');
		console.log(`data: built ${out}/ in ${Date.now() - start} ms (${tables})`);
		return;
	}
	let reason = 'requested';
	let previous: Manifest['exports'] | null = null;
	if (process.argv.includes('--if-stale')) {
		previous = await previousExports(outDir);
		if (previous && process.argv.includes('--bundled')) {
			// The tests check the bundled data: an organisation's data would fail them, for no fault of the code.
			console.log(
				`data: ${rel(outDir)}/ was built from the exports in ${previous.folder}; the tests need the bundled data, so it is rebuilt from data/sources/ (npm run data -- --exports ${previous.folder} builds the organisation's data again)`
			);
			reason = `the tests need the bundled data, not the exports in ${previous.folder}`;
			previous = null;
		} else {
			const stale = await staleReason(previous);
			if (stale === null) {
				console.log(`data: ${rel(outDir)}/ is up to date${previous ? ` (built from ${previous.folder})` : ''}`);
				return;
			}
			reason = stale;
		}
	}
	// A stale build from exports is rebuilt from the same exports, never silently from the bundled data.
	const manifest = await buildData({
		sourcesDir,
		outDir,
		exportsDir: previous ? path.resolve(root, previous.folder) : undefined,
		strict: previous?.strict
	});
	const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
	console.log(
		`data: built ${rel(outDir)}/ (${Object.keys(manifest.tables).length} tables, ${rows} rows, ${Date.now() - start} ms; ${reason})`
	);
}

main().catch((e: unknown) => {
	console.error(
		e instanceof DataBuildError || e instanceof StrictExportsError || e instanceof MappingFileError ? e.message : e
	);
	process.exit(1);
});
