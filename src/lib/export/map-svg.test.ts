import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildChoropleth } from '$lib/map/choropleth';
import { projectProvinces } from '$lib/map/svg-geometry';
import { focusBox, mapSvg } from './map-svg';
import { frameSvg } from './svg-frame';
import { choroplethLegend } from './views';

const read = (file: string) =>
	JSON.parse(readFileSync(join(process.cwd(), 'static/data', file), 'utf8')) as FeatureCollection;
const outline = projectProvinces(read('provinces.geojson'), read('zones.geojson'));
const codes = outline.paths.map((p) => p.code);
const values = codes.map((code, i) => ({ province_code: code, value: i === 0 ? null : i * 1.5 }));
const choropleth = buildChoropleth({ values, classes: 5, higherIsWorse: true });
const layers = {
	colours: choropleth.colourOf,
	noData: new Set([codes[0]]),
	dimmed: new Set<string>(),
	selected: null,
	focus: [],
	zone: null
};
const legend = choroplethLegend(
	choropleth,
	{ unit: 'ต่อประชากรแสนคน', method: 'ควอนไทล์ 5 ชั้น', note: 'สีเข้ม = สถานการณ์แย่กว่า', noData: 'ไม่มีข้อมูล' },
	(v) => v.toFixed(1)
);

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;

describe('mapSvg', () => {
	it('draws one path per province with its choropleth colour, the no-data hatch and the zone outlines', () => {
		const { markup } = mapSvg({ outline, layers, legend });
		expect(codes).toHaveLength(77);
		expect(count(markup, /<path d="[^"]+" data-code="\d\d"/g)).toBe(77);
		for (const code of codes.slice(1)) {
			const fill = new RegExp(`data-code="${code}" fill="([^"]+)"`).exec(markup)?.[1];
			expect(fill).toBe(choropleth.colourOf.get(code));
		}
		expect(markup).toContain(`data-code="${codes[0]}" fill="url(#map-no-data)"`);
		expect(markup).toContain('<pattern id="map-no-data"');
		expect(count(markup, /class="zone( focused)?"/g)).toBe(13);
	});

	it('draws the legend: unit, method, every class with its range and count, and no data', () => {
		const { markup } = mapSvg({ outline, layers, legend });
		expect(markup).toContain('ต่อประชากรแสนคน');
		expect(markup).toContain('ควอนไทล์ 5 ชั้น · สีเข้ม = สถานการณ์แย่กว่า');
		for (const cls of choropleth.legend) {
			expect(markup).toContain(`data-colour="${cls.colour}"`);
			expect(markup).toContain(`${cls.min.toFixed(1)} – ${cls.max.toFixed(1)}`);
		}
		expect(markup).toContain('ไม่มีข้อมูล');
		expect(count(markup, /class="legend-item"/g)).toBe(choropleth.legend.length + 1);
	});

	it('zooms to the focus exactly as the on-screen SVG map does, outlines the selected province and the zone', () => {
		const zone10 = ['34', '35', '37', '49', '33'];
		const box = focusBox(outline, zone10);
		const full = focusBox(outline, []);
		expect(full).toEqual([0, 0, outline.width, outline.height]);
		expect(box[2]).toBeLessThan(outline.width / 2);
		const { markup, width, height } = mapSvg({
			outline,
			layers: {
				...layers,
				focus: zone10,
				zone: 10,
				selected: '34',
				dimmed: new Set(codes.filter((c) => !zone10.includes(c)))
			},
			width: 400,
			maxHeight: 600
		});
		expect(markup).toContain(`viewBox="${box.map((v) => String(Math.round(v * 100) / 100)).join(' ')}"`);
		expect(width).toBeLessThanOrEqual(400);
		expect(height).toBeLessThanOrEqual(600);
		expect(markup).toContain('class="selected"');
		expect(markup).toContain('class="zone focused"');
		expect(count(markup, /fill-opacity="0.3"/g)).toBe(72);
		// Still every province (clipped), unless asked to crop.
		expect(count(markup, /data-code=/g)).toBe(77);
		const cropped = mapSvg({ outline, layers: { ...layers, focus: zone10 }, cropToView: true }).markup;
		expect(count(cropped, /data-code=/g)).toBeLessThan(40);
		expect(count(cropped, /data-code=/g)).toBeGreaterThanOrEqual(5);
	});

	it('outlines and names the named provinces at their label points, names escaped, in the same size at any zoom', () => {
		const named = [
			{ code: '34', name: 'อุบลราชธานี' },
			{ code: '40', name: 'Khon <Kaen> & co' }
		];
		const whole = mapSvg({ outline, layers: { ...layers, named }, width: 400 }).markup;
		const ubon = outline.paths.find((p) => p.code === '34')!;
		expect(whole).toContain(
			`<text x="${ubon.label[0]}" y="${ubon.label[1]}" data-code="34">อุบลราชธานี</text>`.replace(/(\d+\.\d\d)\d+/g, '$1')
		);
		expect(whole).toContain('>Khon &lt;Kaen&gt; &amp; co</text>');
		expect(count(whole, /<g class="named"[^>]*>(<path d="[^"]+"\/>){2}<\/g>/g)).toBe(1);
		// Zoomed into zone 10, the names' size in map units shrinks with the view: the same in output pixels.
		const size = (markup: string) => Number(/class="names" font-size="([\d.]+)"/.exec(markup)![1]);
		const zoomed = mapSvg({
			outline,
			layers: { ...layers, named, focus: ['34', '35', '37', '49', '33'] },
			width: 400
		}).markup;
		expect(size(zoomed)).toBeLessThan(size(whole) / 2);
		// Nothing named, nothing written.
		expect(mapSvg({ outline, layers }).markup).not.toContain('class="names"');
	});

	it('framed: a standalone document with title, subtitle, legend, sources, sample notice and date', () => {
		const svg = frameSvg(
			{
				lang: 'th',
				id: 'map',
				title: 'อัตราการเสียชีวิตจากอุบัติเหตุทางถนน รายจังหวัด พ.ศ. 2566',
				subtitle: 'ต่อประชากรแสนคน · พื้นที่: ทั้งประเทศ · ควอนไทล์ 5 ชั้น',
				footnotes: ['ที่มา: ThaiRSC road-accident dashboard export (deaths). สัญญาอนุญาต: not stated.'],
				sampleNotice: 'ข้อมูลตัวอย่าง (สร้างขึ้น) ไม่ใช่ผลการสำรวจจริง',
				colophon: 'ภาคี แอตลาส · ส่งออกเมื่อ 24 พ.ย. 2569 · http://127.0.0.1/#map'
			},
			mapSvg({ outline, layers, legend })
		);
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="')).toBe(true);
		expect(svg.endsWith('</svg>')).toBe(true);
		expect(svg).toContain('<title>อัตราการเสียชีวิตจากอุบัติเหตุทางถนน รายจังหวัด พ.ศ. 2566</title>');
		expect(svg).toContain('class="subtitle"');
		expect(svg).toContain('ThaiRSC road-accident dashboard export');
		expect(svg).toContain('class="sample-notice"');
		expect(svg).toContain('ส่งออกเมื่อ 24 พ.ย. 2569');
		expect(count(svg, /data-code=/g)).toBe(77);
		// Every opened element is closed (a cheap well-formedness check; the browser test parses it).
		const opened = count(svg, /<(svg|g|text|tspan|defs|pattern|title|desc)\b/g);
		const closed = count(svg, /<\/(svg|g|text|tspan|defs|pattern|title|desc)>/g);
		expect(opened).toBe(closed);
		expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
	});
});
