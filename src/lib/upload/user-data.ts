/**
 * The user's data as a whole: kept files loaded again on every visit (through the same checked
 * path as a new file), removed one by one, or all at once ("reset to bundled data").
 */
import type { AtlasDb } from '$lib/data/atlas-db';
import type { IndicatorRow, TableName } from '$lib/data/contract';
import type { TextEncodingName } from './encoding';
import {
	commitTable,
	discardStaged,
	engineProblem,
	FileRejected,
	prepareTable,
	stageFile,
	tablesTouched,
	type FileFormat,
	type IndicatorMeta,
	type Note,
	type PrepareContext,
	type Problem
} from './pipeline';
import { UserDataStore, type LoadPlan, type StoredFile } from './store';

export interface FileStatus {
	id: string;
	name: string;
	size: number;
	table: TableName | null;
	status: 'loaded' | 'rejected';
	rows: number;
	problems: Problem[];
	notes: Note[];
	format: FileFormat | null;
	encoding: TextEncodingName | null;
	lineOffset: number;
}

export function tablesOf(plans: readonly { table: TableName }[]): TableName[] {
	return [...new Set(plans.flatMap((p) => tablesTouched(p.table)))];
}

export async function contextFor(
	db: AtlasDb,
	provinceFixes: Record<string, string> = {},
	codeFixes: Record<string, Record<string, string>> = {}
): Promise<PrepareContext> {
	const [provinces, issueAreas, districts] = await Promise.all([db.provinces(), db.issueAreas(), db.districts()]);
	return { provinces, provinceFixes, issueAreas, codeFixes, districts };
}

/** Catalogue details for an indicator in a user's file: the bundled ones if it exists, with the user's source line. */
export function defaultIndicatorMeta(
	id: string,
	existing: IndicatorRow | undefined,
	file: string,
	issueArea = ''
): IndicatorMeta {
	const name = file.replace(/\.[A-Za-z0-9]+$/, '').trim() || id;
	return {
		indicator_id: id,
		issue_area_id: existing?.issue_area_id ?? issueArea,
		name_th: existing?.name_th ?? name,
		name_en: existing?.name_en ?? name,
		unit_th: existing?.unit_th ?? '',
		unit_en: existing?.unit_en ?? '',
		higher_is_worse: existing?.higher_is_worse ?? true,
		decimals: existing?.decimals ?? 1,
		source: `ข้อมูลของคุณ / Your data: ${file}`,
		licence: 'ข้อมูลของผู้ใช้ / your own data',
		aggregation: existing?.aggregation === 'sum' ? 'sum' : 'mean'
	};
}

/** Loads one kept file with its plan; never throws (a failure is a rejected status). */
export async function loadWithPlan(
	db: AtlasDb,
	id: string,
	name: string,
	bytes: Uint8Array,
	plan: LoadPlan,
	rowNumbers?: readonly number[]
): Promise<FileStatus> {
	const status: FileStatus = {
		id,
		name,
		size: bytes.length,
		table: plan.table,
		status: 'rejected',
		rows: 0,
		problems: [],
		notes: [],
		format: null,
		encoding: null,
		lineOffset: 0
	};
	let staged;
	try {
		staged = await stageFile(db.uploads, name, bytes, id, rowNumbers);
		Object.assign(status, {
			rows: staged.rows,
			format: staged.format,
			encoding: staged.encoding,
			lineOffset: staged.lineOffset
		});
		const prepared = await prepareTable(
			db.uploads,
			staged,
			plan.table,
			plan.mapping,
			await contextFor(db, plan.provinceFixes, plan.codeFixes)
		);
		status.notes = prepared.notes;
		await commitTable(db, prepared, plan.indicators, id);
		status.status = 'loaded';
	} catch (e) {
		status.problems = e instanceof FileRejected ? e.problems : [engineProblem(name, e)];
		if (staged) await discardStaged(db.uploads, staged);
	}
	return status;
}

/** Loads kept files in their order. */
export async function replay(db: AtlasDb, files: readonly StoredFile[]): Promise<FileStatus[]> {
	const out: FileStatus[] = [];
	for (const f of files) out.push(await loadWithPlan(db, f.id, f.name, new Uint8Array(f.bytes), f.plan, f.rowNumbers));
	return out;
}

/** What happened to the kept files when the page opened its database. */
export interface RestoreReport {
	files: FileStatus[];
	/** Why the store could not be read (no IndexedDB), else null. */
	error: string | null;
}

/** On page start: every kept file loaded again. Never throws. */
export async function restoreUserData(db: AtlasDb): Promise<RestoreReport> {
	let store: UserDataStore | null = null;
	try {
		store = await UserDataStore.open();
		const files = await store.files();
		return { files: files.length === 0 ? [] : await replay(db, files), error: null };
	} catch (e) {
		return { files: [], error: e instanceof Error ? e.message : String(e) };
	} finally {
		store?.close();
	}
}

/** Removes one kept file: the tables it touched go back to bundled, and the other kept files are loaded again. */
export async function removeFile(db: AtlasDb, store: UserDataStore, id: string): Promise<FileStatus[]> {
	const before = await store.files();
	await store.removeFile(id);
	const after = before.filter((f) => f.id !== id);
	await db.restoreBundled(tablesOf(before.map((f) => f.plan)));
	return replay(db, after);
}

/** Forgets every kept file and loads the bundled tables they had changed. */
export async function resetToBundled(db: AtlasDb, store: UserDataStore): Promise<void> {
	const before = await store.files();
	await store.clearFiles();
	await db.restoreBundled(tablesOf(before.map((f) => f.plan)));
}
