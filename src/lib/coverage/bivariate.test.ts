import { describe, expect, it } from 'vitest';
import { BIVARIATE, gapCells, median, priorityGaps } from './bivariate';

const grid = Array.from({ length: 9 }, (_, i) => ({
	code: String(10 + i),
	burden: (i % 3) + 1,
	coverage: Math.floor(i / 3) + 1
}));

describe('bivariate gap classes', () => {
	it('puts each of a 3 × 3 grid in its own cell', () => {
		const cells = gapCells(grid);
		expect(new Set(cells.map((c) => `${c.burdenClass}${c.coverageClass}`)).size).toBe(9);
		const worst = cells.find((c) => c.burden === 3 && c.coverage === 1)!;
		expect(worst.colour).toBe(BIVARIATE[0][2]);
		expect(cells[0].code).toBe(worst.code);
	});

	it('ranks high burden with thin coverage first and lists only those as priority gaps', () => {
		const cells = gapCells(grid);
		expect(cells[0]).toMatchObject({ burden: 3, coverage: 1 });
		expect(cells.at(-1)).toMatchObject({ burden: 1, coverage: 3 });
		expect(cells[0].gapScore).toBeCloseTo(-cells.at(-1)!.gapScore, 9);
		expect(cells[0].gapScore).toBeGreaterThan(0.5);
		expect(priorityGaps(cells).map((c) => [c.burden, c.coverage])).toEqual([[3, 1]]);
	});

	it('leaves out provinces missing either measure', () => {
		const cells = gapCells([
			...grid,
			{ code: '99', burden: null, coverage: 2 },
			{ code: '98', burden: 2, coverage: null }
		]);
		expect(cells.map((c) => c.code)).not.toContain('99');
		expect(cells).toHaveLength(9);
	});

	it('computes medians for the quadrant lines', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2, 3])).toBe(2.5);
		expect(median([])).toBeNull();
	});
});
