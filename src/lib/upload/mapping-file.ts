/**
 * mapping.json: the column choices and value fixes a user made on the Your data page, as a file. The page
 * downloads it ("Download mapping"); dropped into an exports folder, the data build
 * (`npm run data -- --exports <folder>`) reads each file of the folder with the same choices. One entry
 * per file (or per sheet of a workbook, named "file › sheet"), in the shape the page remembers
 * (store.ts: table, mapping, province fixes, code fixes, indicator details) with the file's name and
 * headers' signature, so an entry applies to a file of the same name, or else of the same headers.
 */
import { validPlan, type LoadPlan } from './store';
import { adaptMapping, shapeSignature } from './mapping';

export const MAPPING_FILE = 'mapping.json';
/** Marks the file as this app's, with the version of its shape. */
export const MAPPING_FORMAT = 'phakhi-atlas-mapping/1';

export interface MappingEntry extends LoadPlan {
	/** The file's name, or "file › sheet" for a sheet of a workbook. */
	file: string;
	/** shapeSignature of the file's headers. */
	signature: string;
}

export interface MappingFile {
	format: typeof MAPPING_FORMAT;
	files: MappingEntry[];
}

export function mappingFile(entries: readonly MappingEntry[]): MappingFile {
	return { format: MAPPING_FORMAT, files: [...entries] };
}

/** mapping.json as text: two-space JSON, one entry per file. */
export const mappingFileText = (entries: readonly MappingEntry[]) =>
	JSON.stringify(mappingFile(entries), null, 2) + '\n';

export class MappingFileError extends Error {
	constructor(detail: string) {
		super(`${MAPPING_FILE}: ${detail}`);
		this.name = 'MappingFileError';
	}
}

/** Reads mapping.json; throws MappingFileError naming what is wrong (a broken mapping must not be half applied). */
export function parseMappingFile(text: string): MappingEntry[] {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		throw new MappingFileError(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
	}
	if (!raw || typeof raw !== 'object' || (raw as Record<string, unknown>).format !== MAPPING_FORMAT)
		throw new MappingFileError(`not a mapping file of this app (expected "format": "${MAPPING_FORMAT}")`);
	const files = (raw as Record<string, unknown>).files;
	if (!Array.isArray(files)) throw new MappingFileError('"files" must be a list');
	return files.map((entry: unknown, i) => {
		const plan = validPlan(entry);
		const e = entry as Record<string, unknown>;
		if (!plan || typeof e.file !== 'string')
			throw new MappingFileError(`entry ${i + 1} is not a file's mapping (file, table, mapping)`);
		return { ...plan, file: e.file, signature: typeof e.signature === 'string' ? e.signature : '' };
	});
}

/** The entry for a file: by its name first, else by its headers; its mapping adapted to the headers present. */
export function planFor(entries: readonly MappingEntry[], file: string, headers: readonly string[]): LoadPlan | null {
	const signature = shapeSignature(headers);
	const entry = entries.find((e) => e.file === file) ?? entries.find((e) => e.signature === signature);
	if (!entry) return null;
	return {
		table: entry.table,
		mapping: adaptMapping(entry.table, entry.mapping, headers),
		provinceFixes: entry.provinceFixes,
		codeFixes: entry.codeFixes,
		indicators: entry.indicators
	};
}
