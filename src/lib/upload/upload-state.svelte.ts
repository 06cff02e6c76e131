/**
 * The Your data page's state, apart from its layout: the database and the store of kept files, the
 * files the user added (jobs) on their way through stage → map → check → load, the page's notices,
 * and every action (add, check, load, discard, remove, reset, the mapping file). DuckDB work runs one
 * file at a time. No markup: UserData.svelte lays it out and turns events into these calls;
 * upload-state.test.ts runs it in Node against the real exports in DuckDB.
 */
import type { AtlasDb } from '$lib/data/atlas-db';
import type { IndicatorRow, IssueAreaRow, ProvinceRow, TableName } from '$lib/data/contract';
import { isWholeBuffer } from '$lib/core/bytes';
import type { MessageKey } from '$lib/i18n';
import { detectTable } from './detect';
import { incompleteIndicators, newJob, type Job } from './jobs';
import { mappingFileText } from './mapping-file';
import { adaptMapping, indicatorIdFor, isIdentity, shapeSignature } from './mapping';
import {
	commitTable,
	discardStaged,
	engineProblem,
	FileRejected,
	FIXABLE,
	MAX_FILE_BYTES,
	prepareTable,
	stageFile,
	stagingId,
	tablesTouched,
	tooManyRows,
	type Problem,
	type Progress
} from './pipeline';
import type { UserDataStore } from './store';
import { contextFor, defaultIndicatorMeta, removeFile, resetToBundled, type FileStatus } from './user-data';
import { isWorkbook, WorkbookError, type SheetTable } from './workbook';

/** What the page needs from the world: the database, the store, the workbook reader, the user-table registry. */
export interface UploadDeps {
	openDb(): Promise<AtlasDb>;
	/** The store of kept files (IndexedDB); throws when the browser has none. */
	openStore(): Promise<UserDataStore>;
	readWorkbook(bytes: Uint8Array, file: string): Promise<SheetTable[]>;
	/** The kept files as the page's database loaded them again on opening. */
	restored(): readonly FileStatus[];
	userTables(): ReadonlySet<TableName>;
	setUserTables(tables: Iterable<TableName>): void;
	/** The most rows a Parquet file may have (MAX_BROWSER_ROWS unless a test says less). */
	maxRows?: number;
}

/** A sentence the page shows: a catalogue key and its values. */
export interface Notice {
	key: MessageKey;
	vars?: Record<string, string | number>;
}

/** A file as the page receives it (a browser File, or anything with a name, a size and its bytes). */
export interface PickedFile {
	name: string;
	size: number;
	arrayBuffer(): Promise<ArrayBuffer>;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A kept file's status as a job on the page. */
export function statusJob(s: FileStatus): Job {
	return {
		...newJob(s.id, s.name, s.size),
		phase: s.status === 'loaded' ? 'loaded' : 'rejected',
		table: s.table,
		problems: s.problems,
		notes: s.notes,
		kept: true,
		rows: s.rows,
		encoding: s.encoding,
		lineOffset: s.lineOffset
	};
}

export class UploadState {
	db: AtlasDb | null = $state.raw(null);
	store: UserDataStore | null = $state.raw(null);
	/** Why the store of kept files is unavailable. */
	storeError: string | null = $state(null);
	saveError: Notice | null = $state(null);
	/** Why the database did not open. */
	failure: string | null = $state(null);
	jobs: Job[] = $state([]);
	busy = $state(false);
	message: Notice | null = $state(null);
	provinces: ProvinceRow[] = $state.raw([]);
	issueAreas: IssueAreaRow[] = $state.raw([]);
	catalogue: IndicatorRow[] = $state.raw([]);
	/** Counts changes of the user's tables (the console asks its schema again). */
	version = $state(0);
	userTables: ReadonlySet<string> = $state.raw(new Set());

	knownIndicators = $derived(new Set(this.catalogue.map((c) => c.indicator_id)));
	/** Some kept file is loaded: its mapping file can be downloaded. */
	keptLoaded = $derived(this.jobs.some((j) => j.kept && j.phase === 'loaded'));

	/** DuckDB work one file at a time. */
	private queue: Promise<unknown> = Promise.resolve();

	constructor(private readonly deps: UploadDeps) {}

	private serial<T>(fn: () => Promise<T>): Promise<T> {
		const next = this.queue.then(fn, fn);
		this.queue = next.catch(() => undefined);
		return next;
	}

	/** Opens the store and the database, and shows the kept files as they were loaded again. */
	async start(): Promise<void> {
		try {
			this.store = await this.deps.openStore();
		} catch (e) {
			this.storeError = messageOf(e);
		}
		try {
			this.db = await this.deps.openDb();
		} catch (e) {
			this.failure = messageOf(e);
			return;
		}
		this.jobs = this.deps.restored().map(statusJob);
		await this.refresh();
	}

	close(): void {
		this.store?.close();
	}

	private async refresh(): Promise<void> {
		const db = this.db;
		if (!db) return;
		[this.provinces, this.issueAreas, this.catalogue] = await Promise.all([
			db.provinces(),
			db.issueAreas(),
			db.indicators()
		]);
		this.userTables = new Set(this.deps.userTables());
		this.version++;
	}

	/** Indicators a loaded file of values brought (with their catalogue rows). */
	indicatorsOf(job: Job): IndicatorRow[] {
		return job.table === 'indicator_values' ? this.catalogue.filter((c) => c.source_id === `user_${job.id}`) : [];
	}

	// --- adding files ---------------------------------------------------------------------------

	/** Reads, stages and checks each file (each sheet of a workbook), loading those that need no mapping. */
	async addFiles(files: Iterable<PickedFile>): Promise<void> {
		for (const file of files) {
			const job = this.addJob(stagingId(), file.name, file.size);
			const bytes = await this.serial(() => this.read(job, file));
			if (!bytes) continue;
			if (!isWorkbook(file.name, bytes)) {
				await this.serial(() => this.handle(job, bytes, undefined, file));
				continue;
			}
			// A workbook: each sheet with rows is a table of its own, "file › sheet".
			let sheets: SheetTable[];
			try {
				sheets = await this.deps.readWorkbook(bytes, file.name);
			} catch (e) {
				this.reject(job, [{ code: 'bad_workbook', detail: e instanceof WorkbookError ? e.detail : String(e) }]);
				continue;
			}
			this.jobs = this.jobs.filter((j) => j !== job);
			for (const sheet of sheets) {
				const sheetJob = this.addJob(stagingId(), sheet.name, sheet.csv.length);
				await this.serial(() => this.handle(sheetJob, sheet.csv, sheet.excelRows));
			}
		}
	}

	/** A new job at the end of the list, as the reactive object the list holds. */
	private addJob(id: string, name: string, size: number): Job {
		this.jobs.push(newJob(id, name, size));
		return this.jobs[this.jobs.length - 1];
	}

	/** A file's bytes, or null (and the job rejected) when it is too large, empty or unreadable. */
	private async read(job: Job, file: PickedFile): Promise<Uint8Array | null> {
		if (file.size > MAX_FILE_BYTES) {
			this.reject(job, [{ code: 'too_large', size: file.size, limit: MAX_FILE_BYTES }]);
			return null;
		}
		if (file.size === 0) {
			this.reject(job, [{ code: 'empty_file' }]);
			return null;
		}
		let bytes: Uint8Array;
		try {
			bytes = new Uint8Array(await file.arrayBuffer());
		} catch (e) {
			this.reject(job, [{ code: 'unreadable', detail: messageOf(e) }]);
			return null;
		}
		// A Parquet file too long for the browser is refused from its footer, before anything is decoded.
		const tooMany = tooManyRows(file.name, bytes, this.deps.maxRows);
		if (tooMany) {
			this.reject(job, [tooMany]);
			return null;
		}
		return bytes;
	}

	/** Follows the work on a job (a new object each time, so the page redraws the bar). */
	private progress(job: Job): (p: Progress) => void {
		return (p) => (job.progress = { ...p });
	}

	/**
	 * A failure of the engine while checking or loading (out of memory, DuckDB's own error): the job is
	 * rejected with the reason in plain words, its staging tables go (they may be what filled the memory),
	 * and the tables the views read stay as they were.
	 */
	private async fail(job: Job, e: unknown): Promise<void> {
		const db = this.db;
		if (db && job.staged) await discardStaged(db.uploads, job.staged).catch(() => undefined);
		job.staged = null;
		job.prepared = null;
		job.progress = null;
		this.reject(job, [engineProblem(job.name, e)]);
	}

	private reject(job: Job, problems: Problem[]): void {
		job.phase = 'rejected';
		job.progress = null;
		job.problems = problems;
		job.bytes = null;
	}

	/** `rows`: a sheet's rows as Excel numbers them (workbook.ts), so problems name those rows. */
	/** `source`: the picked file, read again to keep it, so a Parquet file's bytes can go to the decoder uncopied. */
	private async handle(job: Job, bytes: Uint8Array, rows?: readonly number[], source?: PickedFile): Promise<void> {
		const db = this.db;
		if (!db) return;
		try {
			job.progress = { stage: 'reading', done: 0, total: 0 };
			job.staged = await stageFile(db.uploads, job.name, bytes, job.id, rows, this.progress(job), !!source);
			job.rowNumbers = rows ? [...rows] : null;
		} catch (e) {
			return this.reject(job, e instanceof FileRejected ? e.problems : [engineProblem(job.name, e)]);
		}
		// Bytes the decoder took are empty now: the file is read again from `source` to keep it.
		job.bytes = bytes.byteLength > 0 ? bytes : null;
		job.source = source ?? null;
		job.rows = job.staged.rows;
		job.encoding = job.staged.encoding;
		job.lineOffset = job.staged.lineOffset;
		job.candidates = detectTable(job.staged.headers);
		const remembered = await this.store?.mapping(shapeSignature(job.staged.headers)).catch(() => null);
		const globalFixes = (await this.store?.provinceFixes().catch(() => ({}))) ?? {};
		if (remembered) {
			job.remembered = true;
			job.table = remembered.table;
			job.mapping = adaptMapping(remembered.table, remembered.mapping, job.staged.headers);
			job.fixes = { ...globalFixes, ...remembered.provinceFixes };
			job.codeFixes = remembered.codeFixes;
			job.indicators = remembered.indicators;
		} else if (job.candidates.length > 0) {
			job.table = job.candidates[0].table;
			job.mapping = job.candidates[0].mapping;
			job.fixes = { ...globalFixes };
			// Values without an indicator column are one indicator: named after the file until the user says otherwise.
			if (job.table === 'indicator_values' && job.mapping.indicator_id?.kind === 'none')
				job.mapping.indicator_id = { kind: 'constant', value: indicatorIdFor(job.name, job.id) };
		} else {
			const headers = job.staged.headers;
			await discardStaged(db.uploads, job.staged);
			job.staged = null;
			return this.reject(job, [{ code: 'no_table', headers }]);
		}
		const automatic = job.remembered || isIdentity(job.mapping);
		if (!(await this.check(job, automatic ? 'checking' : 'mapping'))) return;
		// Just checked with this mapping: commit without checking again (a million rows: half the work).
		if (automatic && job.problems.length === 0 && job.missingDetails.length === 0) await this.commit(job);
		else job.phase = automatic && job.problems.some((p) => !FIXABLE.has(p.code)) ? 'rejected' : 'mapping';
	}

	/**
	 * Runs the checks with the current mapping; fills indicator details for new ids. False when the engine failed
	 * (the job is rejected). The job is then in `next`: back at its mapping, or still checking when the load goes
	 * straight on (so the file never shows "needs its columns mapped" between its check and its load).
	 */
	private async check(job: Job, next: 'mapping' | 'checking' = 'mapping'): Promise<boolean> {
		const db = this.db;
		if (!db || !job.staged || !job.table) return false;
		job.phase = 'checking';
		let prepared;
		try {
			prepared = await prepareTable(
				db.uploads,
				job.staged,
				job.table,
				$state.snapshot(job.mapping),
				await contextFor(db, $state.snapshot(job.fixes), $state.snapshot(job.codeFixes)),
				this.progress(job)
			);
		} catch (e) {
			await this.fail(job, e);
			return false;
		}
		job.prepared = prepared;
		job.problems = prepared.problems;
		job.notes = prepared.notes;
		if (job.table === 'indicator_values') {
			const have = new Map(job.indicators.map((m) => [m.indicator_id, m]));
			job.indicators = prepared.indicatorIds.map(
				(id) =>
					have.get(id) ??
					defaultIndicatorMeta(
						id,
						this.catalogue.find((c) => c.indicator_id === id),
						job.name
					)
			);
			job.missingDetails = incompleteIndicators(
				job.indicators,
				this.issueAreas.map((a) => a.issue_area_id)
			);
		} else {
			job.indicators = [];
			job.missingDetails = [];
		}
		job.phase = next;
		job.progress = null;
		return true;
	}

	private async load(job: Job): Promise<void> {
		const db = this.db;
		if (!db || !job.staged || !job.table) return;
		if (!(await this.check(job, 'checking'))) return;
		await this.commit(job);
	}

	/** Adopts a job checked with its current mapping, keeps it in the store; a job with problems goes back to its mapping. */
	private async commit(job: Job): Promise<void> {
		const db = this.db;
		if (!db || !job.staged || !job.table) return;
		if (job.problems.length > 0 || job.missingDetails.length > 0 || !job.prepared) {
			job.phase = 'mapping';
			return;
		}
		job.phase = 'checking';
		const headers = job.staged.headers;
		const plan = {
			table: job.table,
			mapping: $state.snapshot(job.mapping),
			provinceFixes: $state.snapshot(job.fixes),
			codeFixes: $state.snapshot(job.codeFixes),
			indicators: $state.snapshot(job.indicators)
		};
		try {
			await commitTable(db, job.prepared, plan.indicators, job.id, this.progress(job));
		} catch (e) {
			const problems = e instanceof FileRejected ? e.problems : [engineProblem(job.name, e)];
			// Past the check, the file's own table is gone (commitTable): only a refusal of the check itself goes back to the mapping.
			if (problems.some((p) => p.code === 'out_of_memory' || p.code === 'engine' || p.code === 'contract'))
				return this.fail(job, e);
			job.problems = problems;
			job.phase = 'mapping';
			job.progress = null;
			return;
		}
		job.progress = null;
		job.staged = null;
		job.prepared = null;
		job.phase = 'loaded';
		this.deps.setUserTables([...this.deps.userTables(), ...tablesTouched(job.table)]);
		const [kept, source] = [job.bytes, job.source];
		job.bytes = null;
		job.source = null;
		const store = this.store;
		if (store && (kept || source)) {
			try {
				const bytes = kept ?? new Uint8Array(await source!.arrayBuffer());
				await store.putFile({
					id: job.id,
					name: job.name,
					size: job.size,
					addedAt: new Date().toISOString(),
					// The file's own buffer when the bytes are all of it (a file as read): no copy of 50–100 MB.
					bytes: (isWholeBuffer(bytes) ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer,
					...(job.rowNumbers ? { rowNumbers: $state.snapshot(job.rowNumbers) } : {}),
					plan
				});
				await store.putMapping({
					signature: shapeSignature(headers),
					...plan,
					updatedAt: new Date().toISOString()
				});
				job.kept = true;
			} catch (e) {
				this.saveError = { key: 'data_save_failed', vars: { file: job.name, error: messageOf(e) } };
			}
		}
		await this.refresh();
	}

	// --- actions ----------------------------------------------------------------------------------

	/** One user action: the page is busy until it ends, and the last notice goes. */
	private async act(fn: () => Promise<void>): Promise<void> {
		this.busy = true;
		this.message = null;
		try {
			await this.serial(fn);
		} finally {
			this.busy = false;
		}
	}

	checkJob = (job: Job) =>
		this.act(async () => {
			await this.check(job);
		});
	loadJob = (job: Job) => this.act(() => this.load(job));

	discardJob = (job: Job) =>
		this.act(async () => {
			if (this.db && job.staged) await discardStaged(this.db.uploads, job.staged);
			this.jobs = this.jobs.filter((j) => j !== job);
		});

	editMapping(job: Job): void {
		job.phase = 'mapping';
	}

	/** Removes a file: a kept one goes from the store and its tables go back to bundled (the other kept files load again). */
	removeJob = (job: Job) =>
		this.act(async () => {
			const db = this.db;
			if (!db) return;
			if (job.kept && this.store) {
				const statuses = await removeFile(db, this.store, job.id);
				const byId = new Map(statuses.map((s) => [s.id, s]));
				this.jobs = this.jobs
					.filter((j) => j !== job)
					.map((j) => (byId.has(j.id) ? statusJob(byId.get(j.id)!) : j));
				this.deps.setUserTables(
					statuses.filter((s) => s.status === 'loaded' && s.table).flatMap((s) => tablesTouched(s.table as TableName))
				);
			} else {
				if (job.staged) await discardStaged(db.uploads, job.staged);
				this.jobs = this.jobs.filter((j) => j !== job);
			}
			await this.refresh();
		});

	/** Forgets every file and loads the bundled tables they had changed. */
	reset = () =>
		this.act(async () => {
			const db = this.db;
			if (!db) return;
			for (const job of this.jobs) if (job.staged) await discardStaged(db.uploads, job.staged);
			if (this.store) await resetToBundled(db, this.store);
			else await db.restoreBundled([...this.deps.userTables()]);
			this.jobs = [];
			this.deps.setUserTables([]);
			this.message = { key: 'data_reset_done' };
			await this.refresh();
		});

	/**
	 * mapping.json: the column choices and fixes of every kept file, by file name ("file › sheet" for a
	 * sheet), ready to drop into an exports folder for `npm run data -- --exports` (mapping-file.ts).
	 * Null when no store.
	 */
	async mappingFile(): Promise<string | null> {
		let text: string | null = null;
		await this.act(async () => {
			if (!this.store) return;
			const files = await this.store.files();
			text = mappingFileText(files.map((f) => ({ file: f.name, signature: '', ...f.plan })));
			this.message = { key: 'data_mapping_downloaded', vars: { count: files.length } };
		});
		return text;
	}
}

export function createUploadState(deps: UploadDeps): UploadState {
	return new UploadState(deps);
}
