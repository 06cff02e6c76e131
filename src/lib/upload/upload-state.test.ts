/**
 * The Your data page's state without a browser: the real exports in DuckDB (Node), a store of kept
 * files in fake-indexeddb, files added as the page adds them, and the page's actions.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { IDBFactory } from 'fake-indexeddb';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtlasDb } from '$lib/data/atlas-db';
import { BUNDLED_DATA, openBundledDb, type BundledDb } from '$lib/data/bundled-db.test-support';
import type { TableName } from '$lib/data/contract';
import { encodeWindows874 } from './encoding';
import { MAX_FILE_BYTES } from './pipeline';
import { UserDataStore } from './store';
import { createUploadState, type PickedFile, type UploadState } from './upload-state.svelte';
import { replay } from './user-data';

let bundled: BundledDb;
let db: AtlasDb;
let factory: IDBFactory;
let userTables: Set<TableName>;

beforeEach(async () => {
	bundled = await openBundledDb();
	db = bundled.db;
	factory = new IDBFactory();
	userTables = new Set();
});
afterEach(async () => {
	await db?.close();
});

function page(opts: { db?: () => Promise<AtlasDb>; store?: boolean; maxRows?: number } = {}): UploadState {
	return createUploadState({
		maxRows: opts.maxRows,
		openDb: opts.db ?? (async () => db),
		openStore: async () => {
			if (opts.store === false) throw new Error('no IndexedDB here');
			return UserDataStore.open(factory);
		},
		readWorkbook: async () => {
			throw new Error('no workbooks in this test');
		},
		restored: () => [],
		userTables: () => userTables,
		setUserTables: (tables) => (userTables = new Set(tables))
	});
}

const file = (name: string, bytes: Uint8Array): PickedFile => ({
	name,
	size: bytes.length,
	arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer
});

const PROJECTS =
	'รหัสโครงการ,ชื่อโครงการ,แผนงาน,หน่วยงาน,วันเริ่มต้น,วันสิ้นสุด,งบประมาณ (บาท),จังหวัด,สถานะ\n' +
	'67-ก-001,โครงการหนึ่ง,แผนงานหนึ่ง,สมาคมหนึ่ง,1 ม.ค. 2567,31 ธ.ค. 2567,"1,000,000.00",ภูเก็ต,active\n' +
	'67-ก-002,โครงการสอง,แผนงานหนึ่ง,สมาคมสอง,1 ก.พ. 67,30/06/2567,"250,000",เมืองย่าโม,closed\n';

/** PROJECTS as older Thai software saves it (Windows-874). */
const projectsCsv = (name = 'projects.csv') => file(name, encodeWindows874(PROJECTS));

/** A started page with projectsCsv added: its job waits for the user to place "เมืองย่าโม". */
async function pageWithProjects(): Promise<UploadState> {
	const state = page();
	await state.start();
	await state.addFiles([projectsCsv()]);
	return state;
}

/** The user places "เมืองย่าโม" (Korat's nickname) in Nakhon Ratchasima and loads the file. */
async function placeAndLoad(state: UploadState): Promise<void> {
	state.jobs[0].fixes['เมืองย่าโม'] = '30';
	await state.loadJob(state.jobs[0]);
}

/** `n` projects like the bundled ones (every contract column, so they load without a mapping), as Parquet. */
async function projectsParquet(n: number): Promise<Uint8Array> {
	const dir = mkdtempSync(join(tmpdir(), 'phakhi-state-'));
	const path = join(dir, 'projects.parquet');
	const instance = await DuckDBInstance.create(':memory:');
	const c = await instance.connect();
	await c.run(
		`COPY (SELECT * REPLACE (project_code || '-' || i AS project_code)
		       FROM read_parquet('${join(BUNDLED_DATA, 'projects.parquet')}'), range(?) t(i) LIMIT ?) TO '${path}' (FORMAT parquet)`,
		[Math.ceil(n / 1000), n]
	);
	c.closeSync();
	instance.closeSync();
	const bytes = new Uint8Array(readFileSync(path));
	rmSync(dir, { recursive: true, force: true });
	return bytes;
}

const stagingLeft = () => bundled.stagingLeft();
const projectCount = () => bundled.count(`SELECT count(*) AS n FROM projects`);

describe('the Your data page state', () => {
	it('opens the database and the store, and says why when the store is missing', async () => {
		const state = page({ store: false });
		await state.start();
		expect(state.db).toBe(db);
		expect(state.store).toBeNull();
		expect(state.storeError).toBe('no IndexedDB here');
		expect(state.provinces).toHaveLength(77);
		expect(state.issueAreas.length).toBeGreaterThan(0);
		expect(state.jobs).toEqual([]);
	});

	it('keeps the failure when the database does not open, and nothing else', async () => {
		const state = page({ db: () => Promise.reject(new Error('worker died')) });
		await state.start();
		expect(state.failure).toBe('worker died');
		expect(state.db).toBeNull();
	});

	it('maps a Thai CSV, waits for the user to place a province, then loads and keeps it', async () => {
		await db.ensureTables(['projects']);
		const bundled = await projectCount();
		const state = await pageWithProjects();
		const [job] = state.jobs;
		expect(job.phase).toBe('mapping');
		expect(job.table).toBe('projects');
		expect(job.encoding).toBe('windows-874');
		expect(job.problems).toMatchObject([
			{ code: 'unknown_province', values: [{ value: 'เมืองย่าโม', count: 1, rows: [2] }] }
		]);
		// Loading with the problem unsolved changes nothing.
		await state.loadJob(job);
		expect(state.jobs[0].phase).toBe('mapping');
		expect(await projectCount()).toBe(bundled);

		await placeAndLoad(state);
		expect(state.jobs[0]).toMatchObject({ phase: 'loaded', kept: true, rows: 2, problems: [] });
		expect(state.busy).toBe(false);
		expect(await projectCount()).toBe(2);
		expect(userTables).toEqual(new Set(['projects']));
		expect(state.userTables).toEqual(new Set(['projects']));
		const kept = await state.store!.files();
		expect(kept.map((f) => f.name)).toEqual(['projects.csv']);
		expect(kept[0].plan.provinceFixes).toMatchObject({ เมืองย่าโม: '30' });
		expect(await state.mappingFile()).toContain('"projects.csv"');
		expect(state.message).toEqual({ key: 'data_mapping_downloaded', vars: { count: 1 } });

		// The kept file loads again the same way on the next visit.
		const { db: again } = await openBundledDb();
		try {
			const [status] = await replay(again, kept);
			expect(status).toMatchObject({ status: 'loaded', table: 'projects', rows: 2 });
		} finally {
			await again.close();
		}
	});

	it('refuses a bad file without touching the loaded data, and a too-large one before reading it', async () => {
		const state = await pageWithProjects();
		await placeAndLoad(state);
		let read = false;
		const huge: PickedFile = {
			name: 'national.parquet',
			size: MAX_FILE_BYTES + 1,
			arrayBuffer: async () => {
				read = true;
				return new ArrayBuffer(0);
			}
		};
		await state.addFiles([
			file('empty.csv', new Uint8Array()),
			file('cut.parquet', new TextEncoder().encode('PAR1xx')),
			huge
		]);
		expect(state.jobs.map((j) => [j.name, j.phase, j.problems[0]?.code])).toEqual([
			['projects.csv', 'loaded', undefined],
			['empty.csv', 'rejected', 'empty_file'],
			['cut.parquet', 'rejected', 'truncated_parquet'],
			['national.parquet', 'rejected', 'too_large']
		]);
		expect(read).toBe(false);
		expect(await projectCount()).toBe(2);
		expect(await stagingLeft()).toBe(0);
	});

	it('removes a kept file (its table back to bundled) and resets everything', async () => {
		await db.ensureTables(['projects']);
		const bundled = await projectCount();
		const state = await pageWithProjects();
		await placeAndLoad(state);
		await state.removeJob(state.jobs[0]);
		expect(state.jobs).toEqual([]);
		expect(userTables.size).toBe(0);
		expect(await projectCount()).toBe(bundled);
		expect(await state.store!.files()).toEqual([]);

		await state.addFiles([projectsCsv()]);
		await state.addFiles([projectsCsv('other.csv')]);
		// The same shape again: the remembered mapping and fix load it without asking.
		expect(state.jobs.map((j) => [j.phase, j.remembered])).toEqual([
			['loaded', true],
			['loaded', true]
		]);
		expect(userTables).toEqual(new Set(['projects']));
		await state.reset();
		expect(state.jobs).toEqual([]);
		expect(state.message).toEqual({ key: 'data_reset_done' });
		expect(await projectCount()).toBe(bundled);
		expect(await stagingLeft()).toBe(0);
	});

	it('loads a file whose columns are the contract’s by itself, and discards a staged one on request', async () => {
		const state = page();
		await state.start();
		const csv = 'indicator_id,province_code,year,value\nmy_rate,10,2023,1.5\nmy_rate,40,2023,2.5\n';
		await state.addFiles([file('values.csv', new TextEncoder().encode(csv))]);
		const [job] = state.jobs;
		// A new indicator needs its issue area before it can load.
		expect(job.phase).toBe('mapping');
		expect(job.missingDetails).toEqual(['my_rate']);
		job.indicators[0].issue_area_id = 'tobacco';
		await state.loadJob(job);
		expect(state.jobs[0].phase).toBe('loaded');
		expect(state.indicatorsOf(state.jobs[0]).map((i) => i.indicator_id)).toEqual(['my_rate']);
		expect(state.knownIndicators.has('my_rate')).toBe(true);

		await state.addFiles([projectsCsv()]);
		await state.discardJob(state.jobs[1]);
		expect(state.jobs.map((j) => j.name)).toEqual(['values.csv']);
	});

	it('refuses a Parquet file with too many rows from its footer, before anything is staged', async () => {
		const state = page({ maxRows: 1000 });
		await state.start();
		await state.addFiles([file('national.parquet', await projectsParquet(1500))]);
		expect(state.jobs[0]).toMatchObject({
			phase: 'rejected',
			problems: [{ code: 'too_many_rows', file: 'national.parquet', rows: 1500, limit: 1000 }],
			staged: null,
			progress: null
		});
		expect(await stagingLeft()).toBe(0);
	});

	it('names running out of memory, drops the file, and leaves the loaded data and the page as they were', async () => {
		const state = page();
		await state.start();
		await state.addFiles([file('small.parquet', await projectsParquet(50))]);
		expect(state.jobs[0]).toMatchObject({ phase: 'loaded', rows: 50 });
		const big = await projectsParquet(300_000);
		await bundled.withMemoryLimit(48, () => state.addFiles([file('projects.parquet', big)]));
		const failed = state.jobs[1];
		expect(failed.phase).toBe('rejected');
		expect(failed.problems).toHaveLength(1);
		expect(failed.problems[0]).toMatchObject({ code: 'out_of_memory', file: 'projects.parquet' });
		expect(failed.staged).toBeNull();
		expect(failed.progress).toBeNull();
		expect(state.busy).toBe(false);
		expect(state.jobs[0]).toMatchObject({ phase: 'loaded', rows: 50 });
		expect(await projectCount()).toBe(50);
		expect(await stagingLeft()).toBe(0);
	});
});
