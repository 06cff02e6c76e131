import { describe, expect, it } from 'vitest';
import { COVERAGE_KEY_PARTS, parseViewKey, viewKey, viewPart, withPart } from './measure';

describe('view keys', () => {
	it("reads the explorer's key: an indicator and a year first, other parts carried along", () => {
		const s = parseViewKey('road_death_rate:2023:7:')!;
		expect(viewPart(s, 'year')).toBe('2023');
		expect(viewPart(s, 'zone')).toBe('7');
		expect(viewPart(s, 'issue')).toBeUndefined();
		expect(viewKey(withPart(s, 'year', '2022'))).toBe('road_death_rate:2022:7:');
		expect(parseViewKey(':2023::')).toBeNull();
		expect(parseViewKey('road_death_rate:any::')).toBeNull();
	});

	it("reads the coverage page's key: issue area, year and zone, any of them empty", () => {
		const s = parseViewKey('::', COVERAGE_KEY_PARTS)!;
		expect(s).not.toBeNull();
		const next = withPart(withPart(s, 'issue', 'tobacco'), 'zone', '7');
		expect(viewKey(next)).toBe('tobacco::7');
		expect(viewPart(next, 'year')).toBe('');
		expect(viewPart(next, 'indicator')).toBeUndefined();
		expect(parseViewKey('tobacco:2020', COVERAGE_KEY_PARTS)).toBeNull();
	});
});
