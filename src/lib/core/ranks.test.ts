import { describe, expect, it } from 'vitest';
import { formatRank } from '$lib/i18n';
import { isTied, rankPlaces } from './ranks';

const items = (values: (number | null)[]) => values.map((value, i) => ({ key: `p${i}`, value }));

describe('rank places from both ends', () => {
	it('ranks by the direction that is worse', () => {
		const values = [12, 30.5, 21.3, 5];
		const worseHigh = rankPlaces(items(values), true);
		expect(worseHigh.get('p1')).toEqual({ worst: 1, best: 4, of: 4 });
		expect(worseHigh.get('p2')).toEqual({ worst: 2, best: 3, of: 4 });
		expect(worseHigh.get('p3')).toEqual({ worst: 4, best: 1, of: 4 });
		const worseLow = rankPlaces(items(values), false);
		expect(worseLow.get('p3')).toEqual({ worst: 1, best: 4, of: 4 });
		expect(worseLow.get('p1')).toEqual({ worst: 4, best: 1, of: 4 });
		expect(formatRank('en', worseHigh.get('p2'))).toBe('2nd worst of 4');
		expect(formatRank('en', worseLow.get('p2'))).toBe('2nd best of 4');
		expect(formatRank('th', worseLow.get('p2'))).toBe('ดีเป็นอันดับ 2 จาก 4');
	});

	it('gives equal values one shared place, from each end, and leaves missing values out', () => {
		const r = rankPlaces(items([9, 5, null, 5, 1, Number.NaN]), true);
		expect(r.size).toBe(4);
		expect(r.has('p2')).toBe(false);
		expect(r.get('p1')).toEqual({ worst: 2, best: 2, of: 4 });
		expect(r.get('p3')).toEqual(r.get('p1'));
		expect(isTied(r.get('p1')!)).toBe(true);
		expect(isTied(r.get('p0')!)).toBe(false);
		expect(formatRank('en', r.get('p3'))).toBe('joint 2nd worst of 4');
		const all = rankPlaces(items([3, 3, 3]), false);
		expect([...all.values()]).toEqual([
			{ worst: 1, best: 1, of: 3 },
			{ worst: 1, best: 1, of: 3 },
			{ worst: 1, best: 1, of: 3 }
		]);
		expect(formatRank('th', all.get('p0'))).toBe('แย่เป็นอันดับ 1 (ร่วม) จาก 3');
	});
});
