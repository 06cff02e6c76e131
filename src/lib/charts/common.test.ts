import { describe, expect, it } from 'vitest';
import { defaultCodeOf, escapeHtml, itemsWithCode } from './common';

describe('itemsWithCode', () => {
	const option = {
		series: [
			{
				type: 'bar',
				data: [
					{ value: 1, code: '10' },
					{ value: 2, code: '40' }
				]
			},
			{ type: 'scatter', data: [[1, 2]] },
			{
				type: 'scatter',
				data: [
					{ value: [1, 0], code: '40' },
					{ value: [2, 0], code: '40' },
					{ value: [3, 0], code: '11' }
				]
			},
			{ type: 'line' }
		]
	};

	it('finds the items of a code in every series that has it', () => {
		expect(itemsWithCode(option, '40')).toEqual([
			{ seriesIndex: 0, dataIndex: [1] },
			{ seriesIndex: 2, dataIndex: [0, 1] }
		]);
		expect(itemsWithCode(option, '99')).toEqual([]);
	});

	it('accepts a single series object and a custom codeOf', () => {
		const single = { series: { type: 'bar', data: [5, 6, 7] } };
		expect(itemsWithCode(single, 'b', ({ dataIndex }) => 'abc'[dataIndex])).toEqual([
			{ seriesIndex: 0, dataIndex: [1] }
		]);
		expect(itemsWithCode({}, 'x')).toEqual([]);
	});

	it('reads the code of a data item only when it is a string', () => {
		expect(defaultCodeOf({ seriesIndex: 0, dataIndex: 0, data: { code: '40' } })).toBe('40');
		expect(defaultCodeOf({ seriesIndex: 0, dataIndex: 0, data: { code: 40 } })).toBeNull();
		expect(defaultCodeOf({ seriesIndex: 0, dataIndex: 0, data: 3 })).toBeNull();
		expect(defaultCodeOf({ seriesIndex: 0, dataIndex: 0, data: null })).toBeNull();
	});
});

describe('helpers', () => {
	it('escapes HTML', () => {
		expect(escapeHtml(`<b a="1">&'`)).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&#39;');
	});
});
