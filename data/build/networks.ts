/**
 * The real network sources in data/sources/networks/: small hand-made tables
 * transcribed from public documents (the seed texts), one citation per row.
 * Validated like the other source CSVs: every error names file, line and
 * field; rows with errors are dropped and the build fails.
 */
import {
	NETWORK_KINDS,
	NETWORK_ROLES,
	PROJECT_STATUSES,
	type InstalmentRow,
	type NetworkEventRow,
	type NetworkKind,
	type NetworkProvinceRow,
	type NetworkRole,
	type NetworkRow,
	type ProjectRow,
	type ProjectStatus
} from '../../src/lib/data/contract.ts';
import { isIsoDate } from './quality.ts';
import type { CsvTable } from './csv.ts';
import type { BuildError } from './errors.ts';
import { RowReader, type Read } from './tables.ts';
import { checkColumns, checkDuplicateKeys, type KeyedRow } from './validate.ts';

/** Source files of the network tables, relative to the sources folder. */
export const NETWORK_FILES = {
	networks: 'networks/networks.csv',
	networkProvinces: 'networks/network_provinces.csv',
	networkEvents: 'networks/network_events.csv',
	projects: 'networks/projects.csv',
	instalments: 'networks/instalments.csv'
} as const;

/** Project codes as funders write them: BE year (2 digits), a Thai consonant, a number of at least 3 digits. */
export const PROJECT_CODE = /^\d{2}-[ก-ฮ]-\d{3,}$/;
/** A network id or event id: lower-case letters, digits and underscores. */
const ID = /^[a-z][a-z0-9_]*$/;
/** Thailand's bounding box, generously: lon 97–106, lat 5–21. */
const THAILAND = { lon: [97, 106], lat: [5, 21] } as const;

/** RowReader with the extra field kinds of the network tables. */
class Reader extends RowReader {
	private error(field: string, message: string): void {
		this.check([{ file: this.file, line: this.row.line, field, message }]);
	}

	raw(field: string): string {
		return this.row.values[field] ?? '';
	}

	/** NULL for an empty cell. */
	optionalText(field: string): string | null {
		const v = this.raw(field);
		return v === '' ? null : v;
	}

	id(field: string): string {
		const v = this.text(field);
		if (v !== '' && !ID.test(v)) this.error(field, `"${v}" is not an id (lower-case letters, digits, _)`);
		return v;
	}

	oneOf<T extends string>(field: string, allowed: readonly T[]): T {
		const v = this.text(field);
		if (v !== '' && !allowed.includes(v as T)) this.error(field, `"${v}" is not one of ${allowed.join(', ')}`);
		return v as T;
	}

	/** A reference to a known id (province code, network, project). */
	ref(field: string, known: ReadonlySet<string>, what: string, optional = false): string | null {
		const v = optional ? this.optionalText(field) : this.text(field);
		if (v !== null && v !== '' && !known.has(v)) this.error(field, `unknown ${what} "${v}"`);
		return v;
	}

	date(field: string, optional: true): string | null;
	date(field: string, optional?: false): string;
	date(field: string, optional = false): string | null {
		const v = optional ? this.optionalText(field) : this.text(field);
		if (v !== null && v !== '' && !isIsoDate(v)) this.error(field, `not a date (YYYY-MM-DD) "${v}"`);
		return v;
	}

	/** `end` must not be before `start` (both valid dates). */
	order(startField: string, start: string | null, endField: string, end: string | null): void {
		if (start && end && isIsoDate(start) && isIsoDate(end) && end < start)
			this.error(endField, `${end} is before ${startField} ${start}`);
	}

	optionalDecimal(field: string): number | null {
		return this.raw(field) === '' ? null : this.decimal(field);
	}

	optionalBoolean(field: string): boolean | null {
		const v = this.raw(field);
		if (v === '') return null;
		if (v === 'true' || v === 'false') return v === 'true';
		this.error(field, `not true or false "${v}"`);
		return null;
	}

	/** A semicolon-separated list of known ids; NULL when empty. Written back normalised (sorted by `order`). */
	idList(field: string, known: readonly string[], what: string): string | null {
		const v = this.raw(field);
		if (v === '') return null;
		const ids = v.split(';').map((s) => s.trim());
		for (const id of ids) if (!known.includes(id)) this.error(field, `unknown ${what} "${id}"`);
		if (new Set(ids).size !== ids.length) this.error(field, `repeated ${what} in "${v}"`);
		return ids.sort((a, b) => known.indexOf(a) - known.indexOf(b)).join(';');
	}
}

const keyed = (): KeyedRow[] => [];

export function readNetworks(csv: CsvTable): Read<NetworkRow> {
	const { file } = csv;
	const columns = ['network_id', 'name_th', 'name_en', 'kind', 'description_th', 'description_en',
		'organisations_th', 'organisations_en', 'source_citation', 'source_file'];
	const errors = checkColumns(csv, columns);
	if (errors.length > 0) return { rows: [], errors };
	const rows: NetworkRow[] = [];
	const keys = keyed();
	for (const row of csv.rows) {
		const r = new Reader(file, row, errors);
		const n: NetworkRow = {
			network_id: r.id('network_id'),
			name_th: r.text('name_th'),
			name_en: r.text('name_en'),
			kind: r.oneOf<NetworkKind>('kind', NETWORK_KINDS),
			description_th: r.text('description_th'),
			description_en: r.text('description_en'),
			organisations_th: r.optionalText('organisations_th'),
			organisations_en: r.optionalText('organisations_en'),
			source_citation: r.text('source_citation'),
			source_file: r.text('source_file'),
			is_sample: false
		};
		const th = n.organisations_th?.split(';').length ?? 0;
		const en = n.organisations_en?.split(';').length ?? 0;
		if (th !== en)
			r.check([{ file, line: row.line, field: 'organisations_en', message: `${en} organisations, but organisations_th has ${th}` }]);
		keys.push({ line: row.line, key: [n.network_id] });
		if (r.ok) rows.push(n);
	}
	errors.push(...checkDuplicateKeys(file, ['network_id'], keys));
	return { rows, errors };
}

export function readNetworkProvinces(
	csv: CsvTable,
	networks: ReadonlySet<string>,
	provinces: ReadonlySet<string>
): Read<NetworkProvinceRow> {
	const { file } = csv;
	const errors = checkColumns(csv, ['network_id', 'province_code', 'role', 'note_th', 'note_en', 'citation']);
	if (errors.length > 0) return { rows: [], errors };
	const rows: NetworkProvinceRow[] = [];
	const keys = keyed();
	for (const row of csv.rows) {
		const r = new Reader(file, row, errors);
		const p: NetworkProvinceRow = {
			network_id: r.ref('network_id', networks, 'network') ?? '',
			province_code: r.ref('province_code', provinces, 'province code') ?? '',
			role: r.oneOf<NetworkRole>('role', NETWORK_ROLES),
			note_th: r.optionalText('note_th'),
			note_en: r.optionalText('note_en'),
			citation: r.text('citation')
		};
		keys.push({ line: row.line, key: [p.network_id, p.province_code, p.role] });
		if (r.ok) rows.push(p);
	}
	errors.push(...checkDuplicateKeys(file, ['network_id', 'province_code', 'role'], keys));
	return { rows, errors };
}

export function readNetworkEvents(
	csv: CsvTable,
	networks: ReadonlySet<string>,
	provinces: ReadonlySet<string>
): Read<NetworkEventRow> {
	const { file } = csv;
	const errors = checkColumns(csv, ['event_id', 'network_id', 'event_date', 'end_date', 'province_code', 'venue_th',
		'title_th', 'title_en', 'participants', 'participants_th', 'note_en', 'citation']);
	if (errors.length > 0) return { rows: [], errors };
	const rows: NetworkEventRow[] = [];
	const keys = keyed();
	for (const row of csv.rows) {
		const r = new Reader(file, row, errors);
		const e: NetworkEventRow = {
			event_id: r.id('event_id'),
			network_id: r.ref('network_id', networks, 'network') ?? '',
			event_date: r.date('event_date', true),
			end_date: r.date('end_date', true),
			province_code: r.ref('province_code', provinces, 'province code') ?? '',
			venue_th: r.optionalText('venue_th'),
			title_th: r.text('title_th'),
			title_en: r.text('title_en'),
			participants: r.optionalInt('participants', { nonNegative: 'count' }),
			participants_th: r.optionalText('participants_th'),
			note_en: r.optionalText('note_en'),
			citation: r.text('citation')
		};
		if (e.end_date !== null && e.event_date === null)
			r.check([{ file, line: row.line, field: 'end_date', message: 'an end date without an event_date' }]);
		r.order('event_date', e.event_date, 'end_date', e.end_date);
		keys.push({ line: row.line, key: [e.event_id] });
		if (r.ok) rows.push(e);
	}
	errors.push(...checkDuplicateKeys(file, ['event_id'], keys));
	return { rows, errors };
}

export interface ProjectRefs {
	provinces: ReadonlySet<string>;
	/** district_code → province_code */
	districts: ReadonlyMap<string, string>;
	networks: ReadonlySet<string>;
	/** Issue area ids in display order. */
	issueAreas: readonly string[];
}

/**
 * Real project records. Unknown codes (province, district, network, issue
 * area) fail the build. A district in another province, a point outside its
 * district and an unknown partner_id are kept and reported by the quality
 * rules instead, since a published record may contain them.
 */
export function readProjects(csv: CsvTable, refs: ProjectRefs): Read<ProjectRow> {
	const { file } = csv;
	const errors = checkColumns(csv, ['project_code', 'programme_th', 'programme_en', 'title_th', 'title_en',
		'organisation_th', 'partner_id', 'network_id', 'start_date', 'end_date', 'budget', 'province_code',
		'district_code', 'lat', 'lon', 'issue_area_ids', 'status', 'citation']);
	if (errors.length > 0) return { rows: [], errors };
	const districtCodes = new Set(refs.districts.keys());
	const rows: ProjectRow[] = [];
	const keys = keyed();
	for (const row of csv.rows) {
		const r = new Reader(file, row, errors);
		const fail = (field: string, message: string) => r.check([{ file, line: row.line, field, message }]);
		const code = r.text('project_code');
		if (code !== '' && !PROJECT_CODE.test(code)) fail('project_code', `"${code}" is not a project code like 60-ข-087`);
		const lat = r.optionalDecimal('lat');
		const lon = r.optionalDecimal('lon');
		if ((lat === null) !== (lon === null)) fail(lat === null ? 'lat' : 'lon', 'lat and lon must be given together');
		if (lat !== null && (lat < THAILAND.lat[0] || lat > THAILAND.lat[1])) fail('lat', `${lat} is outside Thailand`);
		if (lon !== null && (lon < THAILAND.lon[0] || lon > THAILAND.lon[1])) fail('lon', `${lon} is outside Thailand`);
		const p: ProjectRow = {
			project_code: code,
			programme_th: r.text('programme_th'),
			programme_en: r.optionalText('programme_en'),
			title_th: r.text('title_th'),
			title_en: r.optionalText('title_en'),
			organisation_th: r.text('organisation_th'),
			partner_id: r.optionalText('partner_id'),
			network_id: r.ref('network_id', refs.networks, 'network', true),
			start_date: r.date('start_date'),
			end_date: r.date('end_date'),
			budget: r.decimal('budget', { nonNegative: 'budget' }),
			province_code: r.ref('province_code', refs.provinces, 'province code') ?? '',
			district_code: r.ref('district_code', districtCodes, 'district code', true),
			lat,
			lon,
			issue_area_ids: r.idList('issue_area_ids', refs.issueAreas, 'issue area'),
			status: r.oneOf<ProjectStatus>('status', PROJECT_STATUSES),
			citation: r.text('citation'),
			is_sample: false
		};
		r.order('start_date', p.start_date, 'end_date', p.end_date);
		keys.push({ line: row.line, key: [code] });
		if (r.ok) rows.push(p);
	}
	errors.push(...checkDuplicateKeys(file, ['project_code'], keys));
	return { rows, errors };
}

/** Instalments of the real project records; each must belong to a project of projects.csv. */
export function readInstalments(csv: CsvTable, projects: ReadonlySet<string>): Read<InstalmentRow> {
	const { file } = csv;
	const errors = checkColumns(csv, ['project_code', 'instalment_no', 'period_start', 'period_end',
		'report_start', 'report_end', 'amount', 'paid']);
	if (errors.length > 0) return { rows: [], errors };
	const rows: InstalmentRow[] = [];
	const keys = keyed();
	for (const row of csv.rows) {
		const r = new Reader(file, row, errors);
		const i: InstalmentRow = {
			project_code: r.ref('project_code', projects, 'project (not in projects.csv)') ?? '',
			instalment_no: r.int('instalment_no', { min: 1, max: 999 }),
			period_start: r.date('period_start'),
			period_end: r.date('period_end'),
			report_start: r.date('report_start', true),
			report_end: r.date('report_end', true),
			amount: r.decimal('amount', { nonNegative: 'amount' }),
			paid: r.optionalBoolean('paid')
		};
		r.order('period_start', i.period_start, 'period_end', i.period_end);
		r.order('report_start', i.report_start, 'report_end', i.report_end);
		keys.push({ line: row.line, key: [i.project_code, i.instalment_no] });
		if (r.ok) rows.push(i);
	}
	errors.push(...checkDuplicateKeys(file, ['project_code', 'instalment_no'], keys));
	return { rows, errors };
}
