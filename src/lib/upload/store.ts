/**
 * The user's files and mappings, kept in the browser's IndexedDB (never sent anywhere) so a
 * reload or a closed tab keeps them until the user removes them. Each file is kept as its
 * original bytes with the decisions that loaded it (table, mapping, province fixes, indicator
 * details), and is loaded again through the same checked path on the next visit.
 */
import { TABLE_NAMES, type TableName } from '$lib/data/contract';
import { isMapping, type Mapping } from './mapping';
import type { IndicatorMeta } from './pipeline';

export const DB_NAME = 'phakhi-atlas-user-data';
/** 2: the files' store has an index on `seq`, so adding a file reads no kept file's bytes. */
const VERSION = 2;
const SEQ_INDEX = 'seq';
const FILES = 'files';
const MAPPINGS = 'mappings';

/** What loaded a file: replayed as is on the next visit. */
export interface LoadPlan {
	table: TableName;
	mapping: Mapping;
	/** Raw province value → code, chosen by the user. */
	provinceFixes: Record<string, string>;
	/** Coded values nobody could place, resolved by the user: column → value as written → code. */
	codeFixes: Record<string, Record<string, string>>;
	/** Catalogue details of the indicators an indicator_values file holds. */
	indicators: IndicatorMeta[];
}

export interface StoredFile {
	id: string;
	name: string;
	size: number;
	/** ISO time it was added. */
	addedAt: string;
	/** Order of loading. */
	seq: number;
	bytes: ArrayBuffer;
	plan: LoadPlan;
	/** A sheet of a workbook: the row Excel shows for each line (header first), so messages name the same rows again. */
	rowNumbers?: number[];
}

/** A file's listing without its bytes. */
export type StoredFileInfo = Omit<StoredFile, 'bytes'>;

export interface RememberedMapping {
	/** shapeSignature(headers) */
	signature: string;
	table: TableName;
	mapping: Mapping;
	provinceFixes: Record<string, string>;
	codeFixes: Record<string, Record<string, string>>;
	indicators: IndicatorMeta[];
	updatedAt: string;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
	});
}

/** Keeps the count of kept files in localStorage, so pages without any do not load the upload code (see browser-db.ts). */
function hint(count: number): void {
	try {
		globalThis.localStorage?.setItem('phakhi-atlas:user-files', String(count));
	} catch {
		// No localStorage: pages then always look in IndexedDB.
	}
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The string entries of a record read back from storage (anything else is dropped). */
const stringRecord = (value: unknown): Record<string, string> =>
	isRecord(value)
		? (Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<string, string>)
		: {};

/** A plan read back from storage, or null when it is not one (an older version, damage). */
export function validPlan(value: unknown): LoadPlan | null {
	if (!isRecord(value)) return null;
	if (!TABLE_NAMES.includes(value.table as TableName) || !isMapping(value.mapping)) return null;
	const codeFixes = isRecord(value.codeFixes) ? value.codeFixes : {};
	return {
		table: value.table as TableName,
		mapping: value.mapping,
		provinceFixes: stringRecord(value.provinceFixes),
		codeFixes: Object.fromEntries(Object.entries(codeFixes).map(([column, fixes]) => [column, stringRecord(fixes)])),
		indicators: Array.isArray(value.indicators)
			? (value.indicators.filter((m) => isRecord(m) && typeof m.indicator_id === 'string') as IndicatorMeta[])
			: []
	};
}

export class UserDataStore {
	private constructor(private readonly db: IDBDatabase) {}

	/** Opens (or creates) the store; throws when IndexedDB is not available (e.g. some private modes). */
	static async open(factory: IDBFactory = globalThis.indexedDB, name = DB_NAME): Promise<UserDataStore> {
		if (!factory) throw new Error('IndexedDB is not available in this browser');
		const req = factory.open(name, VERSION);
		req.onupgradeneeded = () => {
			const db = req.result;
			const files = db.objectStoreNames.contains(FILES)
				? req.transaction!.objectStore(FILES)
				: db.createObjectStore(FILES, { keyPath: 'id' });
			if (!files.indexNames.contains(SEQ_INDEX)) files.createIndex(SEQ_INDEX, 'seq');
			if (!db.objectStoreNames.contains(MAPPINGS)) db.createObjectStore(MAPPINGS, { keyPath: 'signature' });
		};
		return new UserDataStore(await request(req));
	}

	close(): void {
		this.db.close();
	}

	/** Every kept file with its bytes, in loading order; entries that are not valid are skipped. */
	async files(): Promise<StoredFile[]> {
		const tx = this.db.transaction(FILES, 'readonly');
		const all = (await request(tx.objectStore(FILES).getAll())) as unknown[];
		return all
			.flatMap((f) => {
				if (!isRecord(f) || typeof f.id !== 'string' || !(f.bytes instanceof ArrayBuffer)) return [];
				const plan = validPlan(f.plan);
				if (!plan) return [];
				const rows = f.rowNumbers;
				const rowNumbers =
					Array.isArray(rows) && rows.every((n) => Number.isInteger(n)) ? (rows as number[]) : undefined;
				return [{ ...(f as unknown as StoredFile), plan, rowNumbers }];
			})
			.sort((a, b) => a.seq - b.seq);
	}

	/** Adds or replaces a file; its seq is set after every kept file. */
	// Adding or removing a file reads no kept file's bytes (a national export is 50–100 MB): the last seq comes
	// from the index's keys, the number of files from a count.
	async putFile(file: Omit<StoredFile, 'seq'> & { seq?: number }): Promise<StoredFile> {
		const tx = this.db.transaction(FILES, 'readwrite');
		const files = tx.objectStore(FILES);
		const last = await request(files.index(SEQ_INDEX).openKeyCursor(null, 'prev'));
		const stored: StoredFile = { ...file, seq: file.seq ?? (Number(last?.key) || 0) + 1 };
		files.put(stored);
		const count = request(files.count());
		await done(tx);
		hint(await count);
		return stored;
	}

	async removeFile(id: string): Promise<void> {
		const tx = this.db.transaction(FILES, 'readwrite');
		const files = tx.objectStore(FILES);
		files.delete(id);
		const count = request(files.count());
		await done(tx);
		hint(await count);
	}

	/** Forgets every file (reset to bundled data); remembered mappings stay. */
	async clearFiles(): Promise<void> {
		const tx = this.db.transaction(FILES, 'readwrite');
		tx.objectStore(FILES).clear();
		await done(tx);
		hint(0);
	}

	async mapping(signature: string): Promise<RememberedMapping | null> {
		const tx = this.db.transaction(MAPPINGS, 'readonly');
		const found = (await request(tx.objectStore(MAPPINGS).get(signature))) as unknown;
		if (!isRecord(found) || found.signature !== signature) return null;
		const plan = validPlan(found);
		return plan ? { ...plan, signature, updatedAt: String(found.updatedAt ?? '') } : null;
	}

	async putMapping(mapping: RememberedMapping): Promise<void> {
		const tx = this.db.transaction(MAPPINGS, 'readwrite');
		tx.objectStore(MAPPINGS).put(mapping);
		await done(tx);
	}

	async clearMappings(): Promise<void> {
		const tx = this.db.transaction(MAPPINGS, 'readwrite');
		tx.objectStore(MAPPINGS).clear();
		await done(tx);
	}

	/** Province fixes from every remembered mapping and kept file, for resolving the next file. */
	async provinceFixes(): Promise<Record<string, string>> {
		const tx = this.db.transaction([MAPPINGS, FILES], 'readonly');
		const mappings = (await request(tx.objectStore(MAPPINGS).getAll())) as unknown[];
		const files = (await request(tx.objectStore(FILES).getAll())) as unknown[];
		const out: Record<string, string> = {};
		for (const entry of [...mappings, ...files.map((f) => (isRecord(f) ? f.plan : null))]) {
			const plan = validPlan(entry);
			if (plan) Object.assign(out, plan.provinceFixes);
		}
		return out;
	}
}
