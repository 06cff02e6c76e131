/** The coverage and gap pages' tidy rows: measures named in both languages, filters in words, ranks by direction. */
import { describe, expect, it } from 'vitest';
import type { IndicatorRow, IssueAreaRow, ProvinceRow, QualityIssueRow, SourceRow } from '$lib/data/contract';
import { NO_COVERAGE_FILTER } from '$lib/data/coverage-queries';
import { tidyColumns, tidyTable } from '$lib/export/tidy';
import { gapCells } from './bivariate';
import {
	coverageMeasure,
	coverageRecords,
	filterWords,
	gapMeasure,
	gapRecords,
	qualityRecords
} from './coverage-exports';

const province = (code: string, name_en: string) =>
	({ province_code: code, name_th: `จ.${code}`, name_en }) as ProvinceRow;
const provinces = [province('40', 'Khon Kaen'), province('44', 'Maha Sarakham'), province('45', 'Roi Et')];
const sources = [
	{
		source_id: 'phakhi_network_sample',
		name_th: 'ตัวอย่าง',
		name_en: 'Sample partner network',
		publisher: 'Phakhi Atlas'
	},
	{ source_id: 'ddc', name_th: 'สามฐาน', name_en: '3-base data', publisher: 'DDC' }
] as SourceRow[];
const burden = {
	indicator_id: 'road_death_rate',
	name_th: 'อัตราการเสียชีวิต',
	name_en: 'Road traffic death rate',
	unit_th: 'ต่อแสน',
	unit_en: 'per 100,000',
	source_id: 'ddc',
	source: 'DDC',
	is_sample: false
} as IndicatorRow;

describe('coverage exports', () => {
	it('names a coverage measure in both languages, sample while the sample network is bundled, real once replaced', () => {
		expect(coverageMeasure('district_share', sources)).toMatchObject({
			indicator_id: 'coverage_district_share',
			name_en: 'Share of districts with a partner or project',
			unit_th: 'ร้อยละของอำเภอ',
			is_sample: true,
			source_id: 'phakhi_network_sample'
		});
		const real = [{ ...sources[0], source_id: 'network_documents', name_en: 'Network documents' }];
		expect(coverageMeasure('partners_per_100k', real)).toMatchObject({
			is_sample: false,
			source_id: 'network_documents'
		});
		expect(gapMeasure(burden, real).is_sample).toBe(false);
		expect(gapMeasure({ ...burden, is_sample: true }, real).is_sample).toBe(true);
	});

	it('says the filters in words, or that there are none', () => {
		const areas = [{ issue_area_id: 'tobacco', name_th: 'ยาสูบ', name_en: 'Tobacco' }] as IssueAreaRow[];
		expect(filterWords('en', NO_COVERAGE_FILTER, null, areas, [])).toBe('All issue areas');
		expect(
			filterWords(
				'en',
				{ ...NO_COVERAGE_FILTER, issue: 'tobacco', year: 2023, status: 'active', types: [] },
				7,
				areas,
				[]
			)
		).toBe('Tobacco · Health zone 7 · 2023 · Active');
		expect(filterWords('th', { ...NO_COVERAGE_FILTER, issue: 'tobacco' }, null, areas, [])).toBe('ยาสูบ');
		// The province filter is named after the zone, in the page's language.
		const ubon = { name_th: 'อุบลราชธานี', name_en: 'Ubon Ratchathani' };
		expect(filterWords('en', NO_COVERAGE_FILTER, 10, areas, [], ubon)).toBe('Health zone 10 · Ubon Ratchathani');
		expect(filterWords('th', NO_COVERAGE_FILTER, null, areas, [], ubon)).toBe('อุบลราชธานี');
	});

	it('ranks the least covered province worst, with the filter and the year (or none) in every row', () => {
		const table = tidyTable(
			'th',
			coverageRecords(
				provinces,
				[
					{ code: '40', value: 80 },
					{ code: '44', value: 20 },
					{ code: '45', value: 50 }
				],
				coverageMeasure('district_share', sources),
				null
			),
			sources,
			'ทุกประเด็น'
		);
		expect(table.columns.map((c) => c.key)).toEqual(tidyColumns('th', true).map((c) => c.key));
		const byCode = Object.fromEntries(table.rows.map((r) => [r.raw!.code, r.raw!]));
		expect(byCode['44']).toMatchObject({
			rank: 'แย่เป็นอันดับ 1 จาก 3',
			rank_worst: 1,
			year: null,
			year_be: null,
			filter: 'ทุกประเด็น'
		});
		expect(byCode['40']).toMatchObject({ rank: 'ดีเป็นอันดับ 1 จาก 3', rank_worst: 3, is_sample: 'true' });
	});

	it("gives each gap province its burden (the indicator's own value), its coverage and its ranked gap score", () => {
		const cells = gapCells([
			{ code: '40', burden: 30, coverage: 10 },
			{ code: '44', burden: 10, coverage: 90 },
			{ code: '45', burden: 20, coverage: 50 }
		]);
		const records = gapRecords(
			provinces,
			cells.slice(0, 1),
			cells,
			{ indicator: burden, year: 2024, direction: 1 },
			{ measure: coverageMeasure('district_share', sources), year: null },
			gapMeasure(burden, sources)
		);
		expect(records.map((r) => [r.indicator.indicator_id, r.code, r.year, r.value, r.rank?.worst ?? null])).toEqual([
			['road_death_rate', '40', 2024, 30, null],
			['coverage_district_share', '40', null, 10, null],
			['gap_score', '40', null, cells[0].gapScore, 1]
		]);
		// A burden where lower is worse is stored turned (higher = worse): the file has the indicator's own value.
		const turned = gapRecords(
			provinces,
			[{ ...cells[0], burden: -30 }],
			cells,
			{ indicator: burden, year: 2024, direction: -1 },
			{ measure: coverageMeasure('district_share', sources), year: null },
			gapMeasure(burden, sources)
		);
		expect(turned[0].value).toBe(30);
	});

	it('describes each data-quality problem by table, row, rule and field, in both languages, with its source', () => {
		const issue: QualityIssueRow = {
			table_name: 'instalments',
			row_key: '60-ข-087#2',
			rule: 'instalment_sum_mismatch',
			field: 'amount',
			project_code: '60-ข-087',
			partner_id: null,
			message_en: 'Instalments exceed the budget',
			message_th: 'งวดเงินเกินงบประมาณ',
			detail: '1,050,000 > 1,000,000',
			is_sample: false
		};
		const table = qualityRecords('en', [issue], 'All issue areas', sources);
		// The columns in their fixed order, each with what the problem above writes in it.
		const expected = {
			table_name: 'instalments',
			row_key: '60-ข-087#2',
			rule: 'instalment_sum_mismatch',
			field: 'amount',
			project_code: '60-ข-087',
			partner_id: '',
			message_th: 'งวดเงินเกินงบประมาณ',
			message_en: 'Instalments exceed the budget',
			detail: '1,050,000 > 1,000,000',
			list: expect.stringMatching(/1/),
			filter: 'All issue areas',
			is_sample: 'false',
			source: expect.stringMatching(/Sample partner network/)
		};
		expect(table.columns.map((c) => c.key)).toEqual(Object.keys(expected));
		expect(table.rows).toHaveLength(1);
		expect(table.rows[0].cells).toEqual(expected);
	});
});
