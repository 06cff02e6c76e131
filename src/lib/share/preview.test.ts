/** The link preview images, drawn from the bundled exports with real DuckDB (Node) and resvg. */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { briefChoropleth } from '$lib/brief/brief';
import { bundledBriefs } from '$lib/brief/brief.server';
import {
	linkPreview,
	previewPng,
	previewSubjects,
	PREVIEW_HEIGHT,
	PREVIEW_WIDTH,
	type PreviewSubject
} from './preview.server';

/** How many pixels have each colour exactly. */
function colourCounts(png: PNG, colours: string[]): Record<string, number> {
	const wanted = new Map(colours.map((c) => [parseInt(c.slice(1), 16), c] as const));
	const counts = Object.fromEntries(colours.map((c) => [c, 0]));
	for (let i = 0; i < png.data.length; i += 4) {
		const hex = wanted.get((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
		if (hex) counts[hex]++;
	}
	return counts;
}

describe('link preview images', () => {
	it('one per place: the nation, 77 provinces, 13 zones', async () => {
		const subjects = await previewSubjects();
		expect(subjects.filter((s) => s.kind === 'province')).toHaveLength(77);
		expect(subjects.filter((s) => s.kind === 'zone')).toHaveLength(13);
		expect(subjects.filter((s) => s.kind === 'nation')).toHaveLength(1);
	}, 60_000);

	for (const subject of [
		{ kind: 'nation' },
		{ kind: 'province', code: '40' },
		{ kind: 'zone', zone: 7 }
	] as PreviewSubject[])
		it(`${JSON.stringify(subject)}: a 1200 × 630 PNG with the map's colours, and texts in both languages`, async () => {
			const png = PNG.sync.read(Buffer.from(await previewPng(subject)));
			if (process.env.PREVIEW_OUT)
				writeFileSync(`${process.env.PREVIEW_OUT}/preview-${subject.kind}.png`, PNG.sync.write(png));
			expect([png.width, png.height]).toEqual([PREVIEW_WIDTH, PREVIEW_HEIGHT]);
			const brief = (await bundledBriefs()).zones.get(7)!;
			const classes = briefChoropleth(brief).legend.map((l) => l.colour);
			const counts = colourCounts(png, classes);
			// Every class colour of the legend fills a real area (map and legend swatches).
			for (const colour of classes) expect(counts[colour], colour).toBeGreaterThan(50);

			const preview = await linkPreview(subject);
			expect(preview.text.th.description).toMatch(/[\u0E00-\u0E7F]/);
			expect(preview.text.en.description).not.toMatch(/[\u0E00-\u0E7F]/);
			expect(preview.text.en.description).toContain('Road traffic death rate');
			// The year in each language's era: Buddhist in Thai, Common in English.
			expect(preview.text.th.description).toContain(`${brief.featured.year + 543}`);
			expect(preview.text.en.description).toContain(`${brief.featured.year}`);
		}, 60_000);

	it("a province's description names its place and value", async () => {
		const preview = await linkPreview({ kind: 'province', code: '40' });
		expect(preview.image).toMatch(/\/preview\/province-40\.png$/);
		expect(preview.text.th.title).toContain('ขอนแก่น');
		expect(preview.text.en.description).toMatch(/Khon Kaen: \d+(\.\d)? per 100,000 population/);
	}, 60_000);
});
