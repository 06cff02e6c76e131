/**
 * Data-quality rules for partners, projects and instalments. Each rule is a
 * small pure function returning the issues it finds (never throwing, never
 * dropping a row). Build only: the data build runs them to write the
 * `quality_issues` table, which the app reads.
 *
 * Geometry: a small planar point-in-polygon (even–odd ray casting on lon/lat)
 * is used rather than d3-geo's geoContains, which follows d3's spherical
 * convention (exterior rings clockwise) and answers the opposite for the
 * RFC 7946 rings (counter-clockwise) of our GeoJSON files.
 */
import { toBuddhistEra } from '../../src/lib/core/calendar.ts';
import type {
	InstalmentRow,
	PartnerRow,
	ProjectRow,
	QualityIssueRow,
	QualityRule
} from '../../src/lib/data/contract.ts';

export type QualityIssue = QualityIssueRow;

// ---------------------------------------------------------------------------
// Geometry

type Position = readonly number[];
type Ring = readonly Position[];
type Polygon = readonly Ring[];

/** A GeoJSON Polygon or MultiPolygon geometry (only the parts used here). */
export type AreaGeometry =
	| { type: 'Polygon'; coordinates: Polygon }
	| { type: 'MultiPolygon'; coordinates: readonly Polygon[] };

/** A geometry prepared for repeated point tests: its polygons and bounding box. */
export interface PreparedArea {
	polygons: readonly Polygon[];
	/** [minLon, minLat, maxLon, maxLat] */
	bbox: readonly [number, number, number, number];
}

export function prepareArea(geometry: AreaGeometry): PreparedArea {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const polygon of polygons)
		for (const [x, y] of polygon[0] ?? []) {
			if (x < x0) x0 = x;
			if (x > x1) x1 = x;
			if (y < y0) y0 = y;
			if (y > y1) y1 = y;
		}
	return { polygons, bbox: [x0, y0, x1, y1] };
}

/** Even–odd test of one ring; points exactly on an edge may fall either way. */
function ringContains(ring: Ring, x: number, y: number): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** True when (lon, lat) lies inside the area: inside an exterior ring and outside its holes. Winding does not matter. */
export function areaContains(area: PreparedArea, lon: number, lat: number): boolean {
	const [x0, y0, x1, y1] = area.bbox;
	if (!(lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1)) return false;
	for (const polygon of area.polygons) {
		if (!ringContains(polygon[0], lon, lat)) continue;
		let inHole = false;
		for (let h = 1; h < polygon.length && !inHole; h++) inHole = ringContains(polygon[h], lon, lat);
		if (!inHole) return true;
	}
	return false;
}

// ---------------------------------------------------------------------------
// Formatting (fixed, locale-independent, so the messages are the same everywhere)

/** 1000000 → "1,000,000.00". */
export function formatThb(value: number): string {
	const satang = Math.round(Math.abs(value) * 100);
	const baht = Math.floor(satang / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${value < 0 && satang > 0 ? '-' : ''}${baht}.${String(satang % 100).padStart(2, '0')}`;
}

/** Whole satang, so sums of amounts compare exactly. */
const satang = (value: number): number => Math.round(value * 100);

const THAI_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

/** "2018-12-31" → "31 ธ.ค. 2561" (Buddhist Era), as Thai project systems write dates. */
export function formatThaiDate(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return iso;
	return `${Number(m[3])} ${THAI_MONTHS[Number(m[2]) - 1] ?? m[2]} ${toBuddhistEra(Number(m[1]))}`;
}

/** True for a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(value: string): boolean {
	// Called for every date of millions of rows in a benchmark build: no regex, no Date.
	if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
	let y = 0;
	let m = 0;
	let d = 0;
	for (let i = 0; i < 10; i++) {
		if (i === 4 || i === 7) continue;
		const c = value.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return false;
		if (i < 4) y = y * 10 + c;
		else if (i < 7) m = m * 10 + c;
		else d = d * 10 + c;
	}
	if (m < 1 || m > 12 || d < 1) return false;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	return d <= (m === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);
}

// ---------------------------------------------------------------------------
// Issues

type Table = QualityIssue['table_name'];

interface IssueInput {
	table: Table;
	key: string;
	rule: QualityRule;
	field: string;
	project_code?: string | null;
	partner_id?: string | null;
	en: string;
	th: string;
	detail: Record<string, unknown>;
	is_sample: boolean;
}

const issue = (i: IssueInput): QualityIssue => ({
	table_name: i.table,
	row_key: i.key,
	rule: i.rule,
	field: i.field,
	project_code: i.project_code ?? null,
	partner_id: i.partner_id ?? null,
	message_en: i.en,
	message_th: i.th,
	detail: JSON.stringify(i.detail),
	is_sample: i.is_sample
});

export const instalmentKey = (i: Pick<InstalmentRow, 'project_code' | 'instalment_no'>): string =>
	`${i.project_code}/${i.instalment_no}`;

type ProjectFields = Pick<ProjectRow, 'project_code' | 'budget' | 'start_date' | 'end_date' | 'is_sample'>;
type Located = Pick<PartnerRow, 'province_code' | 'is_sample'> & {
	district_code: string | null;
	lat: number | null;
	lon: number | null;
};

/** Which row a located issue is about. */
export type LocatedRef = { table: 'partners'; key: string } | { table: 'projects'; key: string };

const refIds = (ref: LocatedRef) =>
	ref.table === 'partners' ? { partner_id: ref.key } : { project_code: ref.key };

/**
 * instalment_sum_mismatch: the instalments of a project do not add up to its
 * budget (to the satang). A project without instalments is not checked.
 */
export function checkInstalmentSum(
	project: ProjectFields,
	instalments: readonly Pick<InstalmentRow, 'amount'>[]
): QualityIssue[] {
	if (instalments.length === 0) return [];
	const sum = instalments.reduce((s, i) => s + satang(i.amount), 0);
	const budget = satang(project.budget);
	if (sum === budget) return [];
	return [
		issue({
			table: 'projects',
			key: project.project_code,
			rule: 'instalment_sum_mismatch',
			field: 'budget',
			project_code: project.project_code,
			en: `Instalments sum to ${formatThb(sum / 100)} THB against a budget of ${formatThb(budget / 100)} THB`,
			th: `รวมงบประมาณของทุกงวด (${formatThb(sum / 100)} บาท) ไม่เท่ากับงบประมาณโครงการ (${formatThb(budget / 100)} บาท)`,
			detail: { budget: budget / 100, instalments_sum: sum / 100, instalments: instalments.length, difference: (sum - budget) / 100 },
			is_sample: project.is_sample
		})
	];
}

const INSTALMENT_DATES = ['period_start', 'period_end', 'report_start', 'report_end'] as const;

/**
 * invalid_date: a date of the project or an instalment that is not a real
 * "YYYY-MM-DD" date, or a period that ends before it starts.
 */
export function checkDates(
	project: ProjectFields,
	instalments: readonly Pick<InstalmentRow, 'project_code' | 'instalment_no' | (typeof INSTALMENT_DATES)[number]>[]
): QualityIssue[] {
	// Fast path (millions of rows in a benchmark build): everything valid and in order.
	const fine = (a: string | null, b: string | null): boolean =>
		(a === null || isIsoDate(a)) && (b === null || isIsoDate(b)) && (a === null || b === null || b >= a);
	let allFine = fine(project.start_date, project.end_date);
	for (let k = 0; allFine && k < instalments.length; k++) {
		const i = instalments[k];
		allFine = fine(i.period_start, i.period_end) && fine(i.report_start, i.report_end);
	}
	if (allFine) return [];

	const issues: QualityIssue[] = [];
	const bad = (table: Table, key: string, field: string, value: string, why: 'format' | 'order'): void => {
		issues.push(
			issue({
				table,
				key,
				rule: 'invalid_date',
				field,
				project_code: project.project_code,
				en: why === 'format' ? `${field} "${value}" is not a date (YYYY-MM-DD)` : `${field} ${value} is before the start date`,
				th: why === 'format' ? `${field} "${value}" ไม่ใช่วันที่ในรูปแบบ ปปปป-ดด-วว` : `${field} ${formatThaiDate(value)} อยู่ก่อนวันเริ่มต้น`,
				detail: { [field]: value },
				is_sample: project.is_sample
			})
		);
	};
	const pair = (table: Table, key: string, [f0, v0]: [string, string | null], [f1, v1]: [string, string | null]): void => {
		const ok0 = v0 === null || isIsoDate(v0);
		const ok1 = v1 === null || isIsoDate(v1);
		if (!ok0) bad(table, key, f0, v0 ?? '', 'format');
		if (!ok1) bad(table, key, f1, v1 ?? '', 'format');
		if (ok0 && ok1 && v0 !== null && v1 !== null && v1 < v0) bad(table, key, f1, v1, 'order');
	};
	pair('projects', project.project_code, ['start_date', project.start_date], ['end_date', project.end_date]);
	for (const i of instalments) {
		const key = instalmentKey(i);
		pair('instalments', key, ['period_start', i.period_start], ['period_end', i.period_end]);
		pair('instalments', key, ['report_start', i.report_start], ['report_end', i.report_end]);
	}
	return issues;
}

/**
 * instalment_outside_period: an instalment whose period (period_start,
 * period_end) starts before the project starts or ends after it ends; one
 * issue per instalment, `field` naming the date(s) outside. Report dates are
 * not checked (reporting after the project end is normal); dates that are not
 * valid ISO dates are left to checkDates.
 */
export function checkInstalmentPeriods(
	project: ProjectFields,
	instalments: readonly Pick<InstalmentRow, 'project_code' | 'instalment_no' | 'period_start' | 'period_end'>[]
): QualityIssue[] {
	if (!isIsoDate(project.start_date) || !isIsoDate(project.end_date)) return [];
	const issues: QualityIssue[] = [];
	const outside = (d: string): boolean => (d < project.start_date || d > project.end_date) && isIsoDate(d);
	for (const i of instalments) {
		const start = outside(i.period_start);
		const end = outside(i.period_end);
		if (!start && !end) continue;
		const fields = start && end ? ['period_start', 'period_end'] : [start ? 'period_start' : 'period_end'];
		issues.push(
			issue({
				table: 'instalments',
				key: instalmentKey(i),
				rule: 'instalment_outside_period',
				field: fields.join(','),
				project_code: project.project_code,
				en: `Instalment ${i.instalment_no} (${i.period_start} – ${i.period_end}) is outside the project period ${project.start_date} – ${project.end_date}`,
				th: `งวดที่ ${i.instalment_no} (${formatThaiDate(i.period_start)} – ${formatThaiDate(i.period_end)}) อยู่นอกระยะเวลาโครงการ ${formatThaiDate(project.start_date)} – ${formatThaiDate(project.end_date)}`,
				detail: {
					instalment_no: i.instalment_no,
					period_start: i.period_start,
					period_end: i.period_end,
					project_start: project.start_date,
					project_end: project.end_date
				},
				is_sample: project.is_sample
			})
		);
	}
	return issues;
}

/** The district lookups the location rules need. */
export interface DistrictLookup {
	/** district_code → province_code */
	provinceOf(district_code: string): string | undefined;
	/** district_code → its prepared geometry (undefined when there is none). */
	area(district_code: string): PreparedArea | undefined;
}

/** A DistrictLookup from district rows and (optionally) a districts.geojson FeatureCollection. */
export function districtLookup(
	districts: readonly { district_code: string; province_code: string }[],
	geojson?: { features: readonly { properties: { district_code: string } | null; geometry: AreaGeometry }[] }
): DistrictLookup {
	const province = new Map(districts.map((d) => [d.district_code, d.province_code]));
	const areas = new Map<string, PreparedArea>();
	for (const f of geojson?.features ?? [])
		if (f.properties) areas.set(f.properties.district_code, prepareArea(f.geometry));
	return { provinceOf: (c) => province.get(c), area: (c) => areas.get(c) };
}

/**
 * unknown_province, unknown_district, province_district_mismatch: the codes
 * must exist, and the district must lie in the stated province.
 */
export function checkCodes(
	ref: LocatedRef,
	row: Located,
	districts: DistrictLookup,
	provinces: ReadonlySet<string>
): QualityIssue[] {
	const issues: QualityIssue[] = [];
	const base = { table: ref.table, key: ref.key, ...refIds(ref), is_sample: row.is_sample };
	if (!provinces.has(row.province_code))
		issues.push(
			issue({
				...base,
				rule: 'unknown_province',
				field: 'province_code',
				en: `Unknown province code "${row.province_code}"`,
				th: `ไม่รู้จักรหัสจังหวัด "${row.province_code}"`,
				detail: { province_code: row.province_code }
			})
		);
	if (row.district_code === null) return issues;
	const districtProvince = districts.provinceOf(row.district_code);
	if (districtProvince === undefined)
		issues.push(
			issue({
				...base,
				rule: 'unknown_district',
				field: 'district_code',
				en: `Unknown district code "${row.district_code}"`,
				th: `ไม่รู้จักรหัสอำเภอ "${row.district_code}"`,
				detail: { district_code: row.district_code }
			})
		);
	else if (districtProvince !== row.province_code)
		issues.push(
			issue({
				...base,
				rule: 'province_district_mismatch',
				field: 'district_code',
				en: `District ${row.district_code} is in province ${districtProvince}, not in the stated province ${row.province_code}`,
				th: `อำเภอรหัส ${row.district_code} อยู่ในจังหวัดรหัส ${districtProvince} ไม่ใช่จังหวัดที่ระบุ (${row.province_code})`,
				detail: { district_code: row.district_code, province_code: row.province_code, district_province_code: districtProvince }
			})
		);
	return issues;
}

/**
 * point_outside_district: lat/lon given but not inside the stated district's
 * polygon. Not checked when the point, the district or its geometry is missing.
 */
export function checkPointInDistrict(ref: LocatedRef, row: Located, districts: DistrictLookup): QualityIssue[] {
	if (row.lat === null || row.lon === null || row.district_code === null) return [];
	const area = districts.area(row.district_code);
	if (!area || areaContains(area, row.lon, row.lat)) return [];
	return [
		issue({
			table: ref.table,
			key: ref.key,
			...refIds(ref),
			rule: 'point_outside_district',
			field: 'lat,lon',
			en: `Point ${row.lat}, ${row.lon} is outside its stated district ${row.district_code}`,
			th: `พิกัด ${row.lat}, ${row.lon} อยู่นอกอำเภอที่ระบุ (${row.district_code})`,
			detail: { lat: row.lat, lon: row.lon, district_code: row.district_code },
			is_sample: row.is_sample
		})
	];
}

/** unknown_partner: a project's partner_id that is not in partners. */
export function checkPartnerRef(
	project: Pick<ProjectRow, 'project_code' | 'partner_id' | 'is_sample'>,
	hasPartner: (partner_id: string) => boolean
): QualityIssue[] {
	if (project.partner_id === null || hasPartner(project.partner_id)) return [];
	return [
		issue({
			table: 'projects',
			key: project.project_code,
			rule: 'unknown_partner',
			field: 'partner_id',
			project_code: project.project_code,
			en: `Unknown partner "${project.partner_id}"`,
			th: `ไม่พบภาคี "${project.partner_id}" ในรายชื่อภาคี`,
			detail: { partner_id: project.partner_id },
			is_sample: project.is_sample
		})
	];
}

/** unknown_issue_area, unknown_network: ids in the semicolon lists that are not known (one issue per field, listing them). */
export function checkIdLists(
	ref: LocatedRef,
	row: { issue_area_ids: string | null; network_ids?: string | null; network_id?: string | null; is_sample: boolean },
	issueAreas: ReadonlySet<string>,
	networks: ReadonlySet<string>
): QualityIssue[] {
	const networkList = ref.table === 'partners' ? row.network_ids : row.network_id;
	const allKnown = (list: string | null | undefined, known: ReadonlySet<string>): boolean =>
		!list || list.split(';').every((id) => known.has(id));
	if (allKnown(row.issue_area_ids, issueAreas) && allKnown(networkList, networks)) return [];
	const issues: QualityIssue[] = [];
	const split = (s: string | null | undefined) => (s ? s.split(';').map((x) => x.trim()).filter((x) => x !== '') : []);
	const lists: [string, string[], ReadonlySet<string>, QualityRule, string, string][] = [
		['issue_area_ids', split(row.issue_area_ids), issueAreas, 'unknown_issue_area', 'issue area', 'ประเด็น'],
		[
			ref.table === 'partners' ? 'network_ids' : 'network_id',
			split(ref.table === 'partners' ? row.network_ids : row.network_id),
			networks,
			'unknown_network',
			'network',
			'เครือข่าย'
		]
	];
	for (const [field, ids, known, rule, en, th] of lists) {
		const unknown = ids.filter((id) => !known.has(id));
		if (unknown.length === 0) continue;
		const list = unknown.map((u) => `"${u}"`).join(', ');
		issues.push(
			issue({
				table: ref.table,
				key: ref.key,
				...refIds(ref),
				rule,
				field,
				en: `Unknown ${en}${unknown.length > 1 ? 's' : ''} ${list}`,
				th: `ไม่รู้จัก${th} ${list}`,
				detail: { [field]: unknown },
				is_sample: row.is_sample
			})
		);
	}
	return issues;
}

/** unknown_project: instalments whose project is not in projects. */
export function checkOrphanInstalments(
	instalments: readonly Pick<InstalmentRow, 'project_code' | 'instalment_no'>[],
	hasProject: (project_code: string) => boolean
): QualityIssue[] {
	return instalments
		.filter((i) => !hasProject(i.project_code))
		.map((i) =>
			issue({
				table: 'instalments',
				key: instalmentKey(i),
				rule: 'unknown_project',
				field: 'project_code',
				project_code: i.project_code,
				en: `Instalment of unknown project "${i.project_code}"`,
				th: `งวดของโครงการที่ไม่มีในรายการโครงการ "${i.project_code}"`,
				detail: { project_code: i.project_code },
				// An instalment carries no sample flag; one without a project cannot inherit it.
				is_sample: false
			})
		);
}

// ---------------------------------------------------------------------------
// All rules together

export interface QualityContext {
	districts: DistrictLookup;
	provinces: ReadonlySet<string>;
	issueAreas: ReadonlySet<string>;
	networks: ReadonlySet<string>;
	hasPartner: (partner_id: string) => boolean;
}

const concat = (...lists: QualityIssue[][]): QualityIssue[] => {
	let out: QualityIssue[] | null = null;
	for (const l of lists) if (l.length > 0) out = out ? out.concat(l) : l;
	return out ?? [];
};

/** Every rule that applies to one partner. */
export function checkPartner(partner: PartnerRow, ctx: QualityContext): QualityIssue[] {
	const ref: LocatedRef = { table: 'partners', key: partner.partner_id };
	return concat(
		checkCodes(ref, partner, ctx.districts, ctx.provinces),
		checkPointInDistrict(ref, partner, ctx.districts),
		checkIdLists(ref, partner, ctx.issueAreas, ctx.networks)
	);
}

/** Every rule that applies to one project and its instalments. */
export function checkProject(project: ProjectRow, instalments: readonly InstalmentRow[], ctx: QualityContext): QualityIssue[] {
	const ref: LocatedRef = { table: 'projects', key: project.project_code };
	return concat(
		checkCodes(ref, project, ctx.districts, ctx.provinces),
		checkPointInDistrict(ref, project, ctx.districts),
		checkPartnerRef(project, ctx.hasPartner),
		checkIdLists(ref, project, ctx.issueAreas, ctx.networks),
		checkInstalmentSum(project, instalments),
		checkDates(project, instalments),
		checkInstalmentPeriods(project, instalments)
	);
}

export interface QualityTables {
	partners: readonly PartnerRow[];
	projects: readonly ProjectRow[];
	instalments: readonly InstalmentRow[];
}

/** Sort order of the quality_issues table (its key). */
export function compareIssues(a: QualityIssue, b: QualityIssue): number {
	for (const k of ['table_name', 'row_key', 'rule', 'field'] as const) {
		if (a[k] < b[k]) return -1;
		if (a[k] > b[k]) return 1;
	}
	return 0;
}

/**
 * Runs every rule on whole tables, e.g. a user's loaded data in the browser.
 * `hasPartner` in the context is ignored: the partners given are the known ones.
 */
export function checkQuality(tables: QualityTables, ctx: Omit<QualityContext, 'hasPartner'>): QualityIssue[] {
	const partnerIds = new Set(tables.partners.map((p) => p.partner_id));
	const full: QualityContext = { ...ctx, hasPartner: (id) => partnerIds.has(id) };
	const byProject = new Map<string, InstalmentRow[]>();
	for (const i of tables.instalments) {
		const list = byProject.get(i.project_code);
		if (list) list.push(i);
		else byProject.set(i.project_code, [i]);
	}
	const issues: QualityIssue[] = [];
	for (const p of tables.partners) issues.push(...checkPartner(p, full));
	for (const p of tables.projects) issues.push(...checkProject(p, byProject.get(p.project_code) ?? [], full));
	const projectCodes = new Set(tables.projects.map((p) => p.project_code));
	issues.push(...checkOrphanInstalments(tables.instalments, (c) => projectCodes.has(c)));
	return issues.sort(compareIssues);
}
