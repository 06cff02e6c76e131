import { describe, expect, it } from 'vitest';
import { keyedMemo } from './memo';

describe('keyedMemo', () => {
	it('returns the same object while the key is unchanged, and a new one when it changes', () => {
		const memo = keyedMemo<{ n: number }>();
		let made = 0;
		const make = () => ({ n: ++made });
		const a = memo('road_death_rate:7', make);
		expect(memo('road_death_rate:7', make)).toBe(a);
		const b = memo('road_deaths:7', make);
		expect(b).not.toBe(a);
		expect(made).toBe(2);
	});
});
