/** The data-quality rules on small hand-made tables: each rule fires exactly when it should. */
import { describe, expect, it } from 'vitest';
import type { InstalmentRow, PartnerRow, ProjectRow } from '../../src/lib/data/contract.ts';
import {
	areaContains,
	checkCodes,
	checkDates,
	checkIdLists,
	checkInstalmentPeriods,
	checkInstalmentSum,
	checkOrphanInstalments,
	checkPartnerRef,
	checkPointInDistrict,
	checkQuality,
	districtLookup,
	formatThaiDate,
	formatThb,
	isIsoDate,
	prepareArea,
	type AreaGeometry
} from './quality.ts';

// Two unit-square districts side by side in province 40, one in province 41.
const square = (x: number, y: number, ccw = true): AreaGeometry => {
	const ring = [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]];
	return { type: 'Polygon', coordinates: [ccw ? ring : [...ring].reverse()] };
};
const DISTRICTS = [
	{ district_code: '4001', province_code: '40' },
	{ district_code: '4002', province_code: '40' },
	{ district_code: '4101', province_code: '41' }
];
const GEOJSON = {
	features: [
		{ properties: { district_code: '4001' }, geometry: square(100, 15) },
		{ properties: { district_code: '4002' }, geometry: square(101, 15) },
		{ properties: { district_code: '4101' }, geometry: square(102, 15) }
	]
};
const lookup = districtLookup(DISTRICTS, GEOJSON);
const PROVINCES = new Set(['40', '41']);
const AREAS = new Set(['tobacco', 'food']);
const NETWORKS = new Set(['isan_partner_network']);
const CONTEXT = { districts: lookup, provinces: PROVINCES, issueAreas: AREAS, networks: NETWORKS };

const partner = (over: Partial<PartnerRow> = {}): PartnerRow => ({
	partner_id: 'P1',
	name_th: 'กลุ่มทดสอบ',
	name_en: null,
	partner_type: 'community_group',
	province_code: '40',
	district_code: '4001',
	subdistrict_name_th: null,
	lat: 15.5,
	lon: 100.5,
	issue_area_ids: 'tobacco',
	network_ids: 'isan_partner_network',
	year_joined: 2020,
	active: true,
	is_sample: true,
	...over
});

const project = (over: Partial<ProjectRow> = {}): ProjectRow => ({
	project_code: '61-ข-001',
	programme_th: 'แผนงาน',
	programme_en: null,
	title_th: 'โครงการ',
	title_en: null,
	organisation_th: 'องค์กร',
	partner_id: 'P1',
	network_id: null,
	start_date: '2018-01-01',
	end_date: '2018-12-31',
	budget: 100_000,
	province_code: '40',
	district_code: '4002',
	lat: 15.5,
	lon: 101.5,
	issue_area_ids: 'food',
	status: 'closed',
	citation: null,
	is_sample: true,
	...over
});

const instalment = (no: number, amount: number, period_start: string, period_end: string): InstalmentRow => ({
	project_code: '61-ข-001',
	instalment_no: no,
	period_start,
	period_end,
	report_start: period_start,
	report_end: period_end,
	amount,
	paid: true
});

const GOOD_INSTALMENTS = [instalment(1, 60_000, '2018-01-01', '2018-06-30'), instalment(2, 40_000, '2018-07-01', '2018-12-31')];

/** The published record 60-ข-087 (seed 002). */
const RECORD = project({
	project_code: '60-ข-087',
	partner_id: null,
	start_date: '2017-12-01',
	end_date: '2018-12-31',
	budget: 1_000_000,
	province_code: '84',
	district_code: null,
	lat: null,
	lon: null,
	is_sample: false
});
const RECORD_INSTALMENTS: InstalmentRow[] = [
	{ project_code: '60-ข-087', instalment_no: 1, period_start: '2018-01-01', period_end: '2018-12-31', report_start: '2018-01-01', report_end: '2018-12-31', amount: 0, paid: null },
	{ project_code: '60-ข-087', instalment_no: 2, period_start: '2019-01-01', period_end: '2019-02-28', report_start: null, report_end: null, amount: 0, paid: null }
];

describe('formatting', () => {
	it('formats baht with grouping and two decimals, whatever the locale', () => {
		expect(formatThb(1_000_000)).toBe('1,000,000.00');
		expect(formatThb(0)).toBe('0.00');
		expect(formatThb(1234.5)).toBe('1,234.50');
		expect(formatThb(-999.999)).toBe('-1,000.00');
		expect(formatThb(0.1 + 0.2)).toBe('0.30');
	});
	it('writes Thai dates in Buddhist Era with short month names', () => {
		expect(formatThaiDate('2017-12-01')).toBe('1 ธ.ค. 2560');
		expect(formatThaiDate('2019-02-28')).toBe('28 ก.พ. 2562');
		expect(formatThaiDate('not a date')).toBe('not a date');
	});
	it('accepts only real ISO dates', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2023-02-29')).toBe(false);
		expect(isIsoDate('2018-13-01')).toBe(false);
		expect(isIsoDate('1/12/2560')).toBe(false);
		expect(isIsoDate('2018-1-01')).toBe(false);
	});
});

describe('areaContains', () => {
	it('finds points inside and outside, whatever the winding', () => {
		for (const ccw of [true, false]) {
			const a = prepareArea(square(0, 0, ccw));
			expect(areaContains(a, 0.5, 0.5)).toBe(true);
			expect(areaContains(a, 1.5, 0.5)).toBe(false);
			expect(areaContains(a, -0.001, 0.5)).toBe(false);
		}
	});
	it('excludes holes and includes every part of a multipolygon', () => {
		const donut = prepareArea({
			type: 'MultiPolygon',
			coordinates: [
				[
					[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
					[[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]]
				],
				[[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]]
			]
		});
		expect(areaContains(donut, 0.5, 0.5)).toBe(true);
		expect(areaContains(donut, 2, 2)).toBe(false);
		expect(areaContains(donut, 10.5, 10.5)).toBe(true);
		expect(areaContains(donut, 7, 7)).toBe(false);
		expect(donut.bbox).toEqual([0, 0, 11, 11]);
	});
	it('handles a concave polygon', () => {
		// An L shape: the notch at the top right is outside.
		const l = prepareArea({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]] });
		expect(areaContains(l, 0.5, 1.5)).toBe(true);
		expect(areaContains(l, 1.5, 1.5)).toBe(false);
		expect(areaContains(l, 1.5, 0.5)).toBe(true);
	});
});

describe('instalment_sum_mismatch', () => {
	it('passes instalments that add up to the budget, to the satang', () => {
		expect(checkInstalmentSum(project(), GOOD_INSTALMENTS)).toEqual([]);
		const thirds = [0.1, 0.2].map((a, i) => instalment(i + 1, a, '2018-01-01', '2018-01-31'));
		expect(checkInstalmentSum(project({ budget: 0.3 }), thirds)).toEqual([]);
	});
	it('does not check a project without instalments', () => {
		expect(checkInstalmentSum(project(), [])).toEqual([]);
	});
	it('reports a sum that differs, even by one satang', () => {
		const [issue] = checkInstalmentSum(project({ budget: 100_000.01 }), GOOD_INSTALMENTS);
		expect(issue).toMatchObject({ rule: 'instalment_sum_mismatch', table_name: 'projects', row_key: '61-ข-001', field: 'budget' });
		expect(issue.message_en).toBe('Instalments sum to 100,000.00 THB against a budget of 100,000.01 THB');
	});
	it('gives exactly the published warning for 60-ข-087', () => {
		expect(checkInstalmentSum(RECORD, RECORD_INSTALMENTS)).toEqual([
			{
				table_name: 'projects',
				row_key: '60-ข-087',
				rule: 'instalment_sum_mismatch',
				field: 'budget',
				project_code: '60-ข-087',
				partner_id: null,
				message_en: 'Instalments sum to 0.00 THB against a budget of 1,000,000.00 THB',
				message_th: 'รวมงบประมาณของทุกงวด (0.00 บาท) ไม่เท่ากับงบประมาณโครงการ (1,000,000.00 บาท)',
				detail: '{"budget":1000000,"instalments_sum":0,"instalments":2,"difference":-1000000}',
				is_sample: false
			}
		]);
	});
});

describe('instalment_outside_period', () => {
	it('passes instalments within the period, including its first and last day', () => {
		expect(checkInstalmentPeriods(project(), GOOD_INSTALMENTS)).toEqual([]);
	});
	it('reports an instalment that starts before or ends after the period, once per instalment', () => {
		const early = instalment(1, 1, '2017-12-31', '2018-03-31');
		const late = instalment(2, 1, '2018-10-01', '2019-01-01');
		const both = instalment(3, 1, '2017-01-01', '2019-06-30');
		const issues = checkInstalmentPeriods(project(), [early, late, both]);
		expect(issues.map((i) => [i.row_key, i.field])).toEqual([
			['61-ข-001/1', 'period_start'],
			['61-ข-001/2', 'period_end'],
			['61-ข-001/3', 'period_start,period_end']
		]);
		expect(issues.every((i) => i.rule === 'instalment_outside_period' && i.table_name === 'instalments')).toBe(true);
	});
	it('ignores report dates after the end, which are normal', () => {
		const i = { ...GOOD_INSTALMENTS[1], report_end: '2019-01-31' };
		expect(checkInstalmentPeriods(project(), [i])).toEqual([]);
	});
	it('reports the second instalment of 60-ข-087, dated after the project ended', () => {
		const issues = checkInstalmentPeriods(RECORD, RECORD_INSTALMENTS);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({
			row_key: '60-ข-087/2',
			field: 'period_start,period_end',
			message_en: 'Instalment 2 (2019-01-01 – 2019-02-28) is outside the project period 2017-12-01 – 2018-12-31',
			message_th: 'งวดที่ 2 (1 ม.ค. 2562 – 28 ก.พ. 2562) อยู่นอกระยะเวลาโครงการ 1 ธ.ค. 2560 – 31 ธ.ค. 2561'
		});
	});
});

describe('invalid_date', () => {
	it('passes valid, ordered dates and missing report dates', () => {
		expect(checkDates(project(), GOOD_INSTALMENTS)).toEqual([]);
		expect(checkDates(RECORD, RECORD_INSTALMENTS)).toEqual([]);
	});
	it('reports malformed dates and periods that end before they start', () => {
		const bad = { ...GOOD_INSTALMENTS[0], period_start: '1 ม.ค. 2561', report_end: '2017-06-30' };
		const issues = checkDates(project({ end_date: '2017-12-31' }), [bad]);
		expect(issues.map((i) => [i.table_name, i.row_key, i.field])).toEqual([
			['projects', '61-ข-001', 'end_date'],
			['instalments', '61-ข-001/1', 'period_start'],
			['instalments', '61-ข-001/1', 'report_end']
		]);
		// A malformed date is not also reported as outside the period.
		expect(checkInstalmentPeriods(project(), [bad])).toEqual([]);
	});
});

describe('location rules', () => {
	const ref = { table: 'partners', key: 'P1' } as const;

	it('passes a point inside its district, in the right province', () => {
		expect(checkCodes(ref, partner(), lookup, PROVINCES)).toEqual([]);
		expect(checkPointInDistrict(ref, partner(), lookup)).toEqual([]);
	});
	it('point_outside_district: a point in the neighbouring district', () => {
		const issues = checkPointInDistrict(ref, partner({ lon: 101.5 }), lookup);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ rule: 'point_outside_district', field: 'lat,lon', partner_id: 'P1', project_code: null });
		expect(issues[0].message_en).toBe('Point 15.5, 101.5 is outside its stated district 4001');
	});
	it('does not check a point without coordinates, district or geometry', () => {
		expect(checkPointInDistrict(ref, partner({ lat: null as unknown as number }), lookup)).toEqual([]);
		expect(checkPointInDistrict(ref, { ...partner(), district_code: null }, lookup)).toEqual([]);
		expect(checkPointInDistrict(ref, partner({ lon: 150 }), districtLookup(DISTRICTS))).toEqual([]);
	});
	it('province_district_mismatch: a district of another province', () => {
		const row = partner({ district_code: '4101', lon: 102.5 });
		const issues = checkCodes(ref, row, lookup, PROVINCES);
		expect(issues.map((i) => [i.rule, i.field])).toEqual([['province_district_mismatch', 'district_code']]);
		expect(JSON.parse(issues[0].detail)).toEqual({ district_code: '4101', province_code: '40', district_province_code: '41' });
		expect(checkPointInDistrict(ref, row, lookup)).toEqual([]);
	});
	it('unknown_province and unknown_district', () => {
		const issues = checkCodes(ref, partner({ province_code: '99', district_code: '9901' }), lookup, PROVINCES);
		expect(issues.map((i) => i.rule)).toEqual(['unknown_province', 'unknown_district']);
	});
});

describe('reference rules', () => {
	it('unknown_partner fires only for a partner_id that is not known', () => {
		const known = (id: string) => id === 'P1';
		expect(checkPartnerRef(project(), known)).toEqual([]);
		expect(checkPartnerRef(project({ partner_id: null }), known)).toEqual([]);
		expect(checkPartnerRef(project({ partner_id: 'P9' }), known).map((i) => [i.rule, i.field, i.row_key])).toEqual([
			['unknown_partner', 'partner_id', '61-ข-001']
		]);
	});
	it('unknown_issue_area and unknown_network list the unknown ids', () => {
		const ref = { table: 'partners', key: 'P1' } as const;
		expect(checkIdLists(ref, partner(), AREAS, NETWORKS)).toEqual([]);
		expect(checkIdLists(ref, partner({ issue_area_ids: null, network_ids: null }), AREAS, NETWORKS)).toEqual([]);
		const issues = checkIdLists(ref, partner({ issue_area_ids: 'tobacco;sleep;joy', network_ids: 'isan_partner_network;x' }), AREAS, NETWORKS);
		expect(issues.map((i) => [i.rule, i.field, i.detail])).toEqual([
			['unknown_issue_area', 'issue_area_ids', '{"issue_area_ids":["sleep","joy"]}'],
			['unknown_network', 'network_ids', '{"network_ids":["x"]}']
		]);
		const projectRef = { table: 'projects', key: '61-ข-001' } as const;
		expect(checkIdLists(projectRef, project({ network_id: 'nope' }), AREAS, NETWORKS).map((i) => i.field)).toEqual(['network_id']);
	});
	it('unknown_project fires for instalments without a project', () => {
		const issues = checkOrphanInstalments(GOOD_INSTALMENTS, (c) => c === 'other');
		expect(issues.map((i) => [i.rule, i.row_key])).toEqual([
			['unknown_project', '61-ข-001/1'],
			['unknown_project', '61-ข-001/2']
		]);
		expect(checkOrphanInstalments(GOOD_INSTALMENTS, () => true)).toEqual([]);
	});
});

describe('checkQuality on whole tables', () => {
	it('finds nothing in clean tables', () => {
		expect(checkQuality({ partners: [partner()], projects: [project()], instalments: GOOD_INSTALMENTS }, CONTEXT)).toEqual([]);
	});

	it('finds exactly the planted problems, sorted by table, key, rule and field', () => {
		const partners = [
			partner(),
			partner({ partner_id: 'P2', lon: 101.5 }), // outside 4001
			partner({ partner_id: 'P3', district_code: '4101', lon: 102.5 }) // district of province 41
		];
		const projects = [
			project(), // clean
			project({ project_code: '61-ข-002', partner_id: 'P404' }), // unknown partner
			project({ project_code: '61-ข-003', budget: 120_000 }), // instalments sum to 100 000
			project({ project_code: '61-ข-004', end_date: '2018-11-30' }), // second instalment ends after
			project({ project_code: '61-ข-005', lat: 15.5, lon: 100.5 }) // point in 4001, stated 4002
		];
		const instalments = projects.flatMap((p) => GOOD_INSTALMENTS.map((i) => ({ ...i, project_code: p.project_code })));
		instalments.push({ ...GOOD_INSTALMENTS[0], project_code: '61-ข-999' });
		const issues = checkQuality({ partners, projects, instalments }, CONTEXT);
		expect(issues.map((i) => [i.table_name, i.row_key, i.rule])).toEqual([
			['instalments', '61-ข-004/2', 'instalment_outside_period'],
			['instalments', '61-ข-999/1', 'unknown_project'],
			['partners', 'P2', 'point_outside_district'],
			['partners', 'P3', 'province_district_mismatch'],
			['projects', '61-ข-002', 'unknown_partner'],
			['projects', '61-ข-003', 'instalment_sum_mismatch'],
			['projects', '61-ข-005', 'point_outside_district']
		]);
	});

	it('reports the published 60-ข-087 record with its two problems and nothing else', () => {
		const issues = checkQuality({ partners: [], projects: [RECORD], instalments: RECORD_INSTALMENTS }, {
			...CONTEXT,
			provinces: new Set(['84'])
		});
		expect(issues.map((i) => [i.rule, i.row_key])).toEqual([
			['instalment_outside_period', '60-ข-087/2'],
			['instalment_sum_mismatch', '60-ข-087']
		]);
		expect(issues.every((i) => i.is_sample === false && i.project_code === '60-ข-087')).toBe(true);
	});
});
