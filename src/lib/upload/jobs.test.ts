import { describe, expect, it } from 'vitest';
import { loadBlockers, newJob } from './jobs';
import { suggestMapping } from './mapping';
import { defaultIndicatorMeta } from './user-data';

describe('loadBlockers', () => {
	const areas = ['tobacco', 'alcohol'];
	const valuesJob = () => {
		const job = newJob('j1', 'survey.csv', 10);
		job.table = 'indicator_values';
		job.mapping = {
			...suggestMapping('indicator_values', ['province_code', 'year', 'value']),
			indicator_id: { kind: 'constant', value: 'survey' }
		};
		job.indicators = [defaultIndicatorMeta('survey', undefined, 'survey.csv')];
		return job;
	};

	it('names a new indicator without an issue area, and nothing once it has one', () => {
		const job = valuesJob();
		expect(loadBlockers(job, areas)).toEqual([{ key: 'why_issue_area', vars: { id: 'survey' } }]);
		job.indicators[0].issue_area_id = 'tobacco';
		expect(loadBlockers(job, areas)).toEqual([]);
		job.indicators[0].issue_area_id = 'no_such_area';
		expect(loadBlockers(job, areas)).toEqual([{ key: 'why_issue_area', vars: { id: 'survey' } }]);
	});

	it('names empty names, unmapped required columns and the problems of the last check', () => {
		const job = valuesJob();
		job.indicators[0].issue_area_id = 'alcohol';
		job.indicators[0].name_en = ' ';
		job.mapping.year = { kind: 'none' };
		job.problems = [
			{ code: 'missing_column', column: 'year', type: 'SMALLINT' },
			{ code: 'bad_values', column: 'value', header: 'value', kind: 'number', count: 1, rows: [2], values: ['x'] }
		];
		expect(loadBlockers(job, areas)).toEqual([
			{ key: 'why_missing_columns', vars: { list: 'year' } },
			{ key: 'why_names', vars: { id: 'survey' } },
			{ key: 'why_problems', vars: { count: 1 } }
		]);
	});
});
