import { describe, expect, it } from 'vitest';
import { escapeXml, textWidth, wrapText } from './text';
import { tableSvg } from '$lib/export/svg-frame';

describe('SVG text', () => {
	it('escapes XML', () => {
		expect(escapeXml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;');
	});

	it('gives Thai tone marks and upper vowels no width', () => {
		expect(textWidth('กี่', 10)).toBeCloseTo(textWidth('ก', 10));
		expect(textWidth('ขอนแก่น', 12)).toBeGreaterThan(textWidth('ขอน', 12));
		expect(textWidth('Bold', 12, 600)).toBeGreaterThan(textWidth('Bold', 12));
	});

	it('wraps English at spaces and Thai between words, never losing text', () => {
		const en =
			'Low trust: preliminary figures from a Power BI dashboard export, below the official 3-base integrated series';
		const lines = wrapText(en, 200, 10);
		expect(lines.length).toBeGreaterThan(2);
		expect(lines.join(' ')).toBe(en);
		for (const l of lines) expect(textWidth(l, 10)).toBeLessThanOrEqual(200);

		const th = 'ความน่าเชื่อถือต่ำ: เป็นตัวเลขเบื้องต้นจากแดชบอร์ด ต่ำกว่าข้อมูลบูรณาการ 3 ฐานอย่างเป็นทางการ';
		const thLines = wrapText(th, 150, 10);
		expect(thLines.length).toBeGreaterThan(1);
		expect(thLines.join('').replace(/\s/g, '')).toBe(th.replace(/\s/g, ''));
		// Lines never start with a tone mark or a vowel sign (the segmenter splits between words).
		for (const l of thLines) expect(l).not.toMatch(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/);
	});

	it('keeps brackets with the words they enclose', () => {
		const lines = wrapText('Definition unverified (province of the crash or of residence; death window).', 130, 10);
		for (const l of lines) {
			expect(l).not.toMatch(/\($/);
			expect(l).not.toMatch(/^[).;]/);
		}
		expect(lines.join(' ')).toBe('Definition unverified (province of the crash or of residence; death window).');
	});

	it('draws any table as an SVG figure', () => {
		const block = tableSvg({
			columns: [
				{ key: 'a', label: 'จังหวัด' },
				{ key: 'b', label: 'ค่า', numeric: true }
			],
			rows: [{ key: '1', cells: { a: 'ขอนแก่น', b: '21.3' } }]
		});
		expect(block.markup).toContain('>ขอนแก่น</text>');
		expect(block.markup).toContain('text-anchor="end"');
		expect(block.height).toBeGreaterThan(0);
	});
});
