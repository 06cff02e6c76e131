import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTNER_TYPES, splitIds, type InstalmentRow, type PartnerRow, type ProjectRow } from '../../src/lib/data/contract.ts';
import { areaContains, checkQuality, districtLookup, prepareArea } from './quality.ts';
import { parseCsv } from './csv.ts';
import { buildDistricts } from './districts.ts';
import {
	DEFAULT_PARTNERS,
	DEFAULT_PROJECTS,
	DEFECT_RATES,
	NetworkSample,
	PROJECT_YEARS,
	REFERENCE_DATE,
	type NetworkSampleInput
} from './network-sample.ts';
import { NETWORK_FILES, readNetworkProvinces, readNetworks } from './networks.ts';
import { ISSUE_AREAS } from './reference.ts';
import { readProvinces } from './tables.ts';

const SOURCES = path.resolve(import.meta.dirname, '../sources');
const read = (file: string) => readFileSync(path.join(SOURCES, file), 'utf8');
const provinces = readProvinces(parseCsv(read('provinces.csv'), 'provinces.csv').table).rows;
const codes = new Set(provinces.map((p) => p.province_code));
const districts = buildDistricts(JSON.parse(read('geo/th_adm2.geojson')), 'geo/th_adm2.geojson', provinces);
const networks = readNetworks(parseCsv(read(NETWORK_FILES.networks), 'n', { quoted: true }).table).rows;
const networkProvinces = readNetworkProvinces(
	parseCsv(read(NETWORK_FILES.networkProvinces), 'np', { quoted: true }).table,
	new Set(networks.map((n) => n.network_id)),
	codes
).rows;
const areas = new Map(districts.geojson.features.map((f) => [f.properties.district_code, prepareArea(f.geometry)]));
const districtProvince = new Map(districts.rows.map((d) => [d.district_code, d.province_code]));

const INPUT: NetworkSampleInput = {
	provinces,
	districts: districts.geojson.features.map((f) => ({ ...f.properties, area: areas.get(f.properties.district_code)! })),
	networks,
	networkProvinces,
	issueAreas: ISSUE_AREAS.map((a) => a.issue_area_id),
	reservedProjectCodes: new Set(['60-ข-087'])
};

function generate(over: Partial<NetworkSampleInput> = {}) {
	const sample = new NetworkSample({ ...INPUT, ...over });
	const partners = [...sample.partners()];
	const generated = [...sample.projects()];
	return {
		sample,
		partners,
		projects: generated.map((g) => g.project),
		instalments: generated.flatMap((g) => g.instalments)
	};
}

const standard = generate();
const byProject = (instalments: readonly InstalmentRow[]): Map<string, InstalmentRow[]> => {
	const m = new Map<string, InstalmentRow[]>();
	for (const i of instalments) m.set(i.project_code, [...(m.get(i.project_code) ?? []), i]);
	return m;
};

describe('NetworkSample inputs', () => {
	it('reads the real sources cleanly', () => {
		expect(districts.errors).toEqual([]);
		expect([provinces.length, districts.rows.length, networks.length, networkProvinces.length]).toEqual([77, 928, 5, 66]);
	});
});

describe('NetworkSample', () => {
	it('makes the default numbers of partners and projects, all flagged as sample', () => {
		const { partners, projects, instalments } = standard;
		expect([partners.length, projects.length]).toEqual([DEFAULT_PARTNERS, DEFAULT_PROJECTS]);
		expect(partners.every((p) => p.is_sample)).toBe(true);
		expect(projects.every((p) => p.is_sample && p.citation === null)).toBe(true);
		expect(instalments.length).toBeGreaterThanOrEqual(2 * DEFAULT_PROJECTS);
		expect(instalments.length).toBeLessThanOrEqual(4 * DEFAULT_PROJECTS);
	});

	it('is deterministic: same seed, same rows; another seed, other rows', () => {
		const small = { partners: 300, projects: 200 };
		const a = generate(small);
		const b = generate(small);
		expect(b.partners).toEqual(a.partners);
		expect(b.projects).toEqual(a.projects);
		expect(b.instalments).toEqual(a.instalments);
		const c = generate({ ...small, seed: 7 });
		expect(c.partners).not.toEqual(a.partners);
		expect(c.projects).not.toEqual(a.projects);
	});

	it('gives partner i the same row whatever the total (except deliberate defects)', () => {
		const few = new NetworkSample({ ...INPUT, partners: 100, projects: 0 });
		const many = new NetworkSample({ ...INPUT, partners: 5_000, projects: 0 });
		for (const i of [0, 1, 57, 99]) {
			const [a, b] = [few.partner(i), many.partner(i)];
			if (few.deliberate.partners.has(a.partner_id) || many.deliberate.partners.has(b.partner_id)) continue;
			expect(b).toEqual(a);
		}
	});

	it('uses known codes and ids only', () => {
		const types = new Set<string>(PARTNER_TYPES);
		const issueAreas = new Set(INPUT.issueAreas);
		const networkIds = new Set(networks.map((n) => n.network_id));
		for (const p of standard.partners) {
			expect(codes.has(p.province_code)).toBe(true);
			expect(districtProvince.has(p.district_code)).toBe(true);
			expect(types.has(p.partner_type)).toBe(true);
			expect(p.partner_id).toMatch(/^P\d{7}$/);
			expect(p.name_th).toMatch(/[ก-๙]/);
			const ids = splitIds(p.issue_area_ids);
			expect(ids.length).toBeGreaterThan(0);
			expect(ids.every((id) => issueAreas.has(id))).toBe(true);
			// In issue-area order, no repeats.
			expect(ids).toEqual(INPUT.issueAreas.filter((id) => ids.includes(id)));
			expect(p.network_ids === null || p.network_ids !== '').toBe(true);
			for (const n of splitIds(p.network_ids)) {
				expect(networkIds.has(n)).toBe(true);
				// A partner belongs only to networks of its province.
				expect(networkProvinces.some((np) => np.network_id === n && np.province_code === p.province_code)).toBe(true);
			}
			expect(p.year_joined).toBeGreaterThanOrEqual(2008);
			expect(p.year_joined).toBeLessThanOrEqual(2025);
			expect(p.subdistrict_name_th).toBeNull();
		}
		for (const p of standard.projects) {
			expect(codes.has(p.province_code)).toBe(true);
			expect(p.district_code === null || districtProvince.has(p.district_code)).toBe(true);
			expect(p.network_id === null || networkIds.has(p.network_id)).toBe(true);
			expect(['planned', 'active', 'closed', 'cancelled']).toContain(p.status);
		}
	});

	it('places every point inside its stated district, except the deliberate share', () => {
		const { partners, projects, sample } = standard;
		const rows: { key: string; row: PartnerRow | ProjectRow; outside: boolean }[] = [
			...partners.map((p) => ({ key: p.partner_id, row: p, outside: sample.deliberate.partners.get(p.partner_id) === 'point_outside_district' })),
			...projects.map((p) => ({
				key: p.project_code,
				row: p,
				outside: sample.deliberate.projects.get(p.project_code)?.includes('point_outside_district') ?? false
			}))
		];
		let outside = 0;
		for (const { key, row, outside: planned } of rows) {
			if (row.lat === null || row.lon === null || row.district_code === null) continue;
			const inside = areaContains(areas.get(row.district_code)!, row.lon, row.lat);
			expect(inside, key).toBe(!planned);
			if (!inside) {
				outside++;
				// Still in the stated province: the point is in a neighbouring district.
				expect(row.province_code).toBe(districtProvince.get(row.district_code));
			}
		}
		expect(outside).toBe(Math.round(DEFAULT_PARTNERS * 0.005) + Math.round(DEFAULT_PROJECTS * 0.005));
		expect(outside / rows.length).toBeCloseTo(0.005, 3);
	});

	it('plants exactly the deliberate defects, and the quality rules find exactly those', () => {
		const { partners, projects, instalments, sample } = standard;
		const issues = checkQuality(
			{ partners, projects, instalments },
			{
				districts: districtLookup(districts.rows, districts.geojson),
				provinces: codes,
				issueAreas: new Set(INPUT.issueAreas),
				networks: new Set(networks.map((n) => n.network_id))
			}
		);
		const found = new Set(issues.map((i) => `${i.partner_id ?? i.project_code}:${i.rule}`));
		const planned = new Set([
			...[...sample.deliberate.partners].map(([id, rule]) => `${id}:${rule}`),
			...[...sample.deliberate.projects].flatMap(([code, rules]) => rules.map((r) => `${code}:${r}`))
		]);
		expect([...found].sort()).toEqual([...planned].sort());
		expect(issues).toHaveLength(planned.size);
		const count = (rule: string) => [...planned].filter((p) => p.endsWith(`:${rule}`)).length;
		expect({
			point_outside_district: count('point_outside_district'),
			province_district_mismatch: count('province_district_mismatch'),
			instalment_sum_mismatch: count('instalment_sum_mismatch'),
			instalment_outside_period: count('instalment_outside_period'),
			unknown_partner: count('unknown_partner')
		}).toEqual({
			point_outside_district: Math.round(DEFAULT_PARTNERS * DEFECT_RATES.point_outside_district) + Math.round(DEFAULT_PROJECTS * DEFECT_RATES.point_outside_district),
			province_district_mismatch: Math.round(DEFAULT_PARTNERS * 0.002) + Math.round(DEFAULT_PROJECTS * 0.002),
			instalment_sum_mismatch: DEFAULT_PROJECTS * 0.01,
			instalment_outside_period: DEFAULT_PROJECTS * 0.01,
			unknown_partner: Math.round(DEFAULT_PROJECTS * 0.002)
		});
	});

	it('shapes project codes like real ones: BE year of the start, ข, three digits; unique; never a real code', () => {
		const seen = new Set<string>();
		for (const p of standard.projects) {
			expect(p.project_code).toMatch(/^\d{2}-ข-\d{3}$/);
			expect(Number(p.project_code.slice(0, 2))).toBe((Number(p.start_date.slice(0, 4)) + 543) % 100);
			expect(seen.has(p.project_code)).toBe(false);
			seen.add(p.project_code);
		}
		expect(seen.has('60-ข-087')).toBe(false);
		expect(seen.has('60-ข-086') && seen.has('60-ข-088')).toBe(true);
	});

	it('gives each project 2–4 consecutive instalments that sum to its budget within its period (except the defects)', () => {
		const groups = byProject(standard.instalments);
		for (const p of standard.projects) {
			const list = groups.get(p.project_code) ?? [];
			const defects = standard.sample.deliberate.projects.get(p.project_code) ?? [];
			expect(list.length).toBeGreaterThanOrEqual(2);
			expect(list.length).toBeLessThanOrEqual(4);
			expect(list.map((i) => i.instalment_no)).toEqual(list.map((_, k) => k + 1));
			const sum = list.reduce((s, i) => s + i.amount, 0);
			expect(sum === p.budget, p.project_code).toBe(!defects.includes('instalment_sum_mismatch'));
			const inside = list.every((i) => i.period_start >= p.start_date && i.period_end <= p.end_date);
			expect(inside, p.project_code).toBe(!defects.includes('instalment_outside_period'));
			for (let k = 1; k < list.length; k++) expect(list[k].period_start > list[k - 1].period_end).toBe(true);
			expect(p.start_date >= `${PROJECT_YEARS.first}-01-01` && p.start_date <= `${PROJECT_YEARS.last}-12-31`).toBe(true);
			expect(p.budget).toBeGreaterThanOrEqual(10_000);
			expect(p.budget).toBeLessThanOrEqual(3_000_000);
			const expected = p.status === 'cancelled' ? p.status : p.start_date > REFERENCE_DATE ? 'planned' : p.end_date < REFERENCE_DATE ? 'closed' : 'active';
			expect(p.status).toBe(expected);
		}
	});

	it('links most projects to a sample partner, naming the organisation after it', () => {
		const byId = new Map(standard.partners.map((p) => [p.partner_id, p]));
		const linked = standard.projects.filter((p) => p.partner_id !== null && byId.has(p.partner_id));
		expect(linked.length / standard.projects.length).toBeGreaterThan(0.8);
		for (const p of linked) expect(p.organisation_th).toBe(byId.get(p.partner_id!)!.name_th);
	});

	it('is denser where the population is larger and in the networks\' provinces, and leaves coverage gaps', () => {
		const perProvince = new Map<string, number>();
		for (const p of standard.partners) perProvince.set(p.province_code, (perProvince.get(p.province_code) ?? 0) + 1);
		const inNetwork = new Set(networkProvinces.map((n) => n.province_code));
		const rate = (keep: (code: string) => boolean) => {
			const ps = provinces.filter((p) => keep(p.province_code));
			return ps.reduce((s, p) => s + (perProvince.get(p.province_code) ?? 0), 0) / ps.reduce((s, p) => s + p.population, 0);
		};
		expect(rate((c) => inNetwork.has(c))).toBeGreaterThan(1.8 * rate((c) => !inNetwork.has(c)));
		// Bangkok (largest population, in no network) has more partners than Samut Songkhram (smallest).
		expect(perProvince.get('10')!).toBeGreaterThan(5 * (perProvince.get('75') ?? 0));
		// Every province has partners, but many districts have none.
		expect(perProvince.size).toBe(77);
		const covered = new Set(standard.partners.map((p) => p.district_code));
		expect(928 - covered.size).toBeGreaterThan(150);
		expect(928 - covered.size).toBeLessThan(450);
	});

	it('scales to the numbers asked for, and to none', () => {
		const big = new NetworkSample({ ...INPUT, partners: 12_345, projects: 6_789 });
		let partners = 0;
		for (const _ of big.partners()) partners++;
		let projects = 0;
		const codesSeen = new Set<string>();
		for (const { project } of big.projects()) {
			projects++;
			codesSeen.add(project.project_code);
		}
		expect([partners, projects, codesSeen.size]).toEqual([12_345, 6_789, 6_789]);
		const none = generate({ partners: 0, projects: 5 });
		expect(none.partners).toEqual([]);
		expect(none.projects).toHaveLength(5);
		expect(() => new NetworkSample({ ...INPUT, partners: -1 })).toThrow();
	});
});
