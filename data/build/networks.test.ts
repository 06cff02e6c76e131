import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { formatError } from './errors.ts';
import {
	NETWORK_FILES,
	readInstalments,
	readNetworkEvents,
	readNetworkProvinces,
	readNetworks,
	readProjects,
	type ProjectRefs
} from './networks.ts';
import { ISSUE_AREAS } from './reference.ts';

const SOURCES = path.resolve(import.meta.dirname, '../sources');
const real = (file: string) => parseCsv(readFileSync(path.join(SOURCES, file), 'utf8'), file, { quoted: true });
const inline = (text: string, file = 'x.csv') => parseCsv(text, file, { quoted: true }).table;

const PROVINCES = new Set(
	parseCsv(readFileSync(path.join(SOURCES, 'provinces.csv'), 'utf8'), 'provinces.csv').table.rows.map((r) => r.values.code)
);
const NETWORK_IDS = new Set(['isan_partner_network', 'upper_south_zone11', 'south_provincial_funds', 'area_strengthening_alliance', 'isan_health_assemblies']);
const REFS: ProjectRefs = {
	provinces: PROVINCES,
	districts: new Map([['8401', '84'], ['4001', '40']]),
	networks: NETWORK_IDS,
	issueAreas: ISSUE_AREAS.map((a) => a.issue_area_id)
};

describe('the real network sources', () => {
	it('parse and validate without errors', () => {
		for (const file of Object.values(NETWORK_FILES)) expect(real(file).errors, file).toEqual([]);
		const networks = readNetworks(real(NETWORK_FILES.networks).table);
		expect(networks.errors).toEqual([]);
		expect(new Set(networks.rows.map((n) => n.network_id))).toEqual(NETWORK_IDS);
		const provinces = readNetworkProvinces(real(NETWORK_FILES.networkProvinces).table, NETWORK_IDS, PROVINCES);
		expect(provinces.errors).toEqual([]);
		expect(provinces.rows).toHaveLength(66);
		const events = readNetworkEvents(real(NETWORK_FILES.networkEvents).table, NETWORK_IDS, PROVINCES);
		expect(events.errors).toEqual([]);
		expect(events.rows).toHaveLength(6);
	});

	it('cite a seed document on every network, province and event row', () => {
		const networks = readNetworks(real(NETWORK_FILES.networks).table).rows;
		for (const n of networks) {
			expect(n.source_file).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
			expect(n.source_citation.length).toBeGreaterThan(40);
		}
		const files = new Set(networks.map((n) => n.source_file));
		for (const r of readNetworkProvinces(real(NETWORK_FILES.networkProvinces).table, NETWORK_IDS, PROVINCES).rows)
			expect([...files].some((f) => r.citation.startsWith(f)), `${r.network_id}/${r.province_code}`).toBe(true);
		for (const e of readNetworkEvents(real(NETWORK_FILES.networkEvents).table, NETWORK_IDS, PROVINCES).rows)
			expect([...files].some((f) => e.citation.startsWith(f)), e.event_id).toBe(true);
	});

	it('keep the 7 national agencies of the Area Strengthening Alliance, in Thai and English', () => {
		const asa = readNetworks(real(NETWORK_FILES.networks).table).rows.find((n) => n.network_id === 'area_strengthening_alliance')!;
		expect(asa.organisations_th!.split(';')).toHaveLength(7);
		expect(asa.organisations_en!.split(';').map((o) => /\(([^)]+)\)$/.exec(o)?.[1])).toEqual([
			'ThaiHealth', 'NHCO', 'NIDA', 'HSRI', 'PMU-A', 'CODI', 'NHSO'
		]);
	});

	it('hold the project record 60-ข-087 verbatim from seed 002, with its two instalments of 0.00', () => {
		const projects = readProjects(real(NETWORK_FILES.projects).table, REFS);
		expect(projects.errors).toEqual([]);
		expect(projects.rows).toEqual([
			{
				project_code: '60-ข-087',
				programme_th: 'แผนงานโซนใต้บน',
				programme_en: 'Upper-South programme',
				title_th: 'โครงการสนับสนุนการปฏิรูประบบสร้างเสริมสุขภาพ เขต 11 สุราษฎร์ธานี',
				title_en: 'Support for the reform of the health-promotion system, zone 11 Surat Thani',
				organisation_th: 'สถาบันนโยบายสาธารณะ มหาวิทยาลัยสงขลานครินทร์ (สนส. ม.อ.)',
				partner_id: null,
				network_id: 'upper_south_zone11',
				start_date: '2017-12-01',
				end_date: '2018-12-31',
				budget: 1_000_000,
				province_code: '84',
				district_code: null,
				lat: null,
				lon: null,
				issue_area_ids: null,
				status: 'closed',
				citation: expect.stringContaining('002_43767906a518d475.txt'),
				is_sample: false
			}
		]);
		const instalments = readInstalments(real(NETWORK_FILES.instalments).table, new Set(['60-ข-087']));
		expect(instalments.errors).toEqual([]);
		expect(instalments.rows.map((i) => [i.instalment_no, i.period_start, i.period_end, i.report_start, i.report_end, i.amount, i.paid])).toEqual([
			[1, '2018-01-01', '2018-12-31', '2018-01-01', '2018-12-31', 0, null],
			[2, '2019-01-01', '2019-02-28', null, null, 0, null]
		]);
		expect(instalments.rows.reduce((s, i) => s + i.amount, 0)).toBe(0);
	});
});

describe('validation of the network sources', () => {
	const errorsOf = (r: { errors: Parameters<typeof formatError>[0][] }) => r.errors.map(formatError);

	it('names unknown province codes, unknown networks, bad roles and duplicate keys', () => {
		const csv = inline(
			[
				'network_id,province_code,role,note_th,note_en,citation',
				'isan_partner_network,40,member,,,doc',
				'isan_partner_network,99,member,,,doc',
				'nowhere,40,member,,,doc',
				'isan_partner_network,44,leader,,,doc',
				'isan_partner_network,40,member,,,"doc, again"',
				'isan_partner_network,41,target,,,'
			].join('\n'),
			'networks/network_provinces.csv'
		);
		expect(errorsOf(readNetworkProvinces(csv, NETWORK_IDS, PROVINCES))).toEqual([
			'networks/network_provinces.csv line 3, field "province_code": unknown province code "99"',
			'networks/network_provinces.csv line 4, field "network_id": unknown network "nowhere"',
			'networks/network_provinces.csv line 5, field "role": "leader" is not one of member, target, pilot, working_group',
			'networks/network_provinces.csv line 7, field "citation": empty value',
			'networks/network_provinces.csv line 6, fields "network_id", "province_code", "role": duplicate key isan_partner_network/40/member (first on line 2)'
		]);
	});

	it('names bad network rows: id, kind, organisation lists, duplicates', () => {
		const header = 'network_id,name_th,name_en,kind,description_th,description_en,organisations_th,organisations_en,source_citation,source_file';
		const csv = inline(
			[
				header,
				'a_net,ก,A,alliance,ก,A,ก;ข,A;B,doc,000.txt',
				'B-net,ก,B,club,ก,B,,,doc,000.txt',
				'c_net,ก,C,programme,ก,C,ก;ข,A,doc,000.txt',
				'a_net,ก,A,alliance,ก,A,,,doc,000.txt'
			].join('\n'),
			'networks/networks.csv'
		);
		expect(errorsOf(readNetworks(csv))).toEqual([
			'networks/networks.csv line 3, field "network_id": "B-net" is not an id (lower-case letters, digits, _)',
			'networks/networks.csv line 3, field "kind": "club" is not one of regional_network, programme, provincial_fund, alliance, health_assembly',
			'networks/networks.csv line 4, field "organisations_en": 1 organisations, but organisations_th has 2',
			'networks/networks.csv line 5, field "network_id": duplicate key a_net (first on line 2)'
		]);
	});

	it('names bad event dates and participant counts', () => {
		const header = 'event_id,network_id,event_date,end_date,province_code,venue_th,title_th,title_en,participants,participants_th,note_en,citation';
		const csv = inline(
			[
				header,
				'e1,isan_partner_network,2016-06-23,2016-06-25,40,,ก,A,500,,,doc',
				'e2,isan_partner_network,23 มิ.ย. 2559,,40,,ก,A,,,,doc',
				'e3,isan_partner_network,2016-06-25,2016-06-23,40,,ก,A,-5,,,doc',
				'e4,isan_partner_network,,2016-06-23,96,,ก,A,,,,doc'
			].join('\n'),
			'networks/network_events.csv'
		);
		expect(errorsOf(readNetworkEvents(csv, NETWORK_IDS, PROVINCES))).toEqual([
			'networks/network_events.csv line 3, field "event_date": not a date (YYYY-MM-DD) "23 มิ.ย. 2559"',
			'networks/network_events.csv line 4, field "participants": negative count -5',
			'networks/network_events.csv line 4, field "end_date": 2016-06-23 is before event_date 2016-06-25',
			'networks/network_events.csv line 5, field "end_date": an end date without an event_date'
		]);
	});

	it('names bad project records but keeps what the quality report handles', () => {
		const header =
			'project_code,programme_th,programme_en,title_th,title_en,organisation_th,partner_id,network_id,start_date,end_date,budget,province_code,district_code,lat,lon,issue_area_ids,status,citation';
		const ok = '60-ข-087,ก,,ก,,ก,,upper_south_zone11,2017-12-01,2018-12-31,1000000.00,84,,,,,closed,doc';
		const csv = inline(
			[
				header,
				ok,
				// A district of another province and an unknown partner are quality issues, not build errors.
				'61-ข-001,ก,,ก,,ก,P404,,2018-01-01,2018-12-31,5000,84,4001,16.4,102.8,food;tobacco,active,doc',
				'60-087,ก,,ก,,ก,,,2018-01-01,2017-12-31,-5,99,9999,16.4,,sleep,done,doc',
				ok
			].join('\n'),
			'networks/projects.csv'
		);
		const result = readProjects(csv, REFS);
		expect(errorsOf(result)).toEqual([
			'networks/projects.csv line 4, field "project_code": "60-087" is not a project code like 60-ข-087',
			'networks/projects.csv line 4, field "lon": lat and lon must be given together',
			'networks/projects.csv line 4, field "budget": negative budget -5',
			'networks/projects.csv line 4, field "province_code": unknown province code "99"',
			'networks/projects.csv line 4, field "district_code": unknown district code "9999"',
			'networks/projects.csv line 4, field "issue_area_ids": unknown issue area "sleep"',
			'networks/projects.csv line 4, field "status": "done" is not one of planned, active, closed, cancelled',
			'networks/projects.csv line 4, field "end_date": 2017-12-31 is before start_date 2018-01-01',
			'networks/projects.csv line 5, field "project_code": duplicate key 60-ข-087 (first on line 2)'
		]);
		// Issue areas are written back in issue-area order.
		expect(result.rows.find((p) => p.project_code === '61-ข-001')?.issue_area_ids).toBe('tobacco;food');
	});

	it('names instalments of unknown projects, bad amounts and duplicates', () => {
		const csv = inline(
			[
				'project_code,instalment_no,period_start,period_end,report_start,report_end,amount,paid',
				'60-ข-087,1,2018-01-01,2018-12-31,,,0.00,',
				'60-ข-999,1,2018-01-01,2018-12-31,,,0.00,',
				'60-ข-087,2,2018-01-01,2018-12-31,,,abc,maybe',
				'60-ข-087,1,2018-01-01,2018-12-31,,,0.00,true'
			].join('\n'),
			'networks/instalments.csv'
		);
		expect(errorsOf(readInstalments(csv, new Set(['60-ข-087'])))).toEqual([
			'networks/instalments.csv line 3, field "project_code": unknown project (not in projects.csv) "60-ข-999"',
			'networks/instalments.csv line 4, field "amount": not a number "abc"',
			'networks/instalments.csv line 4, field "paid": not true or false "maybe"',
			'networks/instalments.csv line 5, fields "project_code", "instalment_no": duplicate key 60-ข-087/1 (first on line 2)'
		]);
	});
});
