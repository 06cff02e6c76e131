/** Broken copies of the real sources must fail the build with messages that point at the problem. */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildData } from './build.ts';
import { DataBuildError, formatError } from './errors.ts';

const SOURCES = path.resolve(import.meta.dirname, '../sources');
const ROAD = 'road_deaths_3base/road_deaths_rtddi_3base_2011_2024.csv';
const DENGUE = 'dengue/dengue_cases_province_annual.csv';

let tmp: string;
let sourcesDir: string;
let outDir: string;

beforeEach(async () => {
	tmp = await mkdtemp(path.join(tmpdir(), 'phakhi-bad-'));
	sourcesDir = path.join(tmp, 'sources');
	outDir = path.join(tmp, 'out');
	await cp(SOURCES, sourcesDir, { recursive: true });
});

afterEach(async () => {
	await rm(tmp, { recursive: true, force: true });
});

/** Edits a CRLF source file as a list of lines; returns the 1-based line number found by `find`. */
async function editLines(file: string, edit: (lines: string[]) => void): Promise<void> {
	const p = path.join(sourcesDir, file);
	const lines = (await readFile(p, 'utf8')).split('\r\n');
	edit(lines);
	await writeFile(p, lines.join('\r\n'));
}

const lineOf = (lines: string[], prefix: string): number => {
	const i = lines.findIndex((l) => l.startsWith(prefix));
	if (i < 0) throw new Error(`no line starts with ${prefix}`);
	return i + 1;
};

/** Runs the build, expects it to fail, and returns the formatted errors. */
async function buildErrors(): Promise<string[]> {
	const error = await buildData({ sourcesDir, outDir }).then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(DataBuildError);
	// Nothing written, not even a temp folder.
	expect(await readdir(outDir).catch(() => [])).toEqual([]);
	return (error as DataBuildError).errors.map(formatError);
}

describe('buildData on broken sources', () => {
	it('names an unknown province code', async () => {
		let line = 0;
		await editLines(ROAD, (lines) => {
			line = lineOf(lines, '40,ขอนแก่น,2023,');
			lines[line - 1] = lines[line - 1].replace(/^40,/, '99,');
		});
		const errors = await buildErrors();
		expect(line).toBeGreaterThan(1);
		expect(errors).toContain(`${ROAD} line ${line}, field "province_code": unknown province code "99"`);
		expect(errors).toContain(`${ROAD}: year 2023 is missing 1 province: 40`);
	});

	it('names a duplicate key and the line that first used it', async () => {
		let first = 0;
		let dup = 0;
		await editLines('population.csv', (lines) => {
			first = lineOf(lines, '40,2022,');
			dup = lineOf(lines, '40,2023,');
			lines[dup - 1] = lines[dup - 1].replace('40,2023,', '40,2022,');
		});
		const errors = await buildErrors();
		expect(errors).toContain(`population.csv line ${dup}, fields "code", "year": duplicate key 40/2022 (first on line ${first})`);
		expect(errors).toContain('population.csv: year 2023 is missing 1 province: 40');
	});

	it('names a negative death count', async () => {
		let line = 0;
		await editLines(ROAD, (lines) => {
			line = lineOf(lines, '50,เชียงใหม่,2022,');
			lines[line - 1] = lines[line - 1].replace(/^50,เชียงใหม่,2022,\d+,/, '50,เชียงใหม่,2022,-5,');
		});
		// Only the one error: a bad value must not also count as a missing province.
		expect(await buildErrors()).toEqual([`${ROAD} line ${line}, field "deaths": negative count -5`]);
	});

	it('names a year with a missing province', async () => {
		await editLines(ROAD, (lines) => {
			lines.splice(lineOf(lines, '38,บึงกาฬ,2023,') - 1, 1);
			lines.splice(lineOf(lines, '96,นราธิวาส,2023,') - 1, 1);
		});
		expect(await buildErrors()).toEqual([`${ROAD}: year 2023 is missing 2 provinces: 38, 96`]);
	});

	it('names a province before it existed (Bueng Kan before 2011), and a dengue year that is not the sum of its months', async () => {
		let line = 0;
		let sum = 0;
		await editLines(DENGUE, (lines) => {
			line = lineOf(lines, '43,TH-43,หนองคาย,Nong Khai,NONG KHAI,2005,');
			lines.splice(line, 0, lines[line - 1].replace(/^43,TH-43,หนองคาย,Nong Khai,NONG KHAI,/, '38,TH-38,บึงกาฬ,Bueng Kan,BUNGKAN,'));
			sum = lineOf(lines, '10,TH-10,กรุงเทพมหานคร,Bangkok,BANGKOK,2019,8590,');
			lines[sum - 1] = lines[sum - 1].replace(',2019,8590,', ',2019,8591,');
		});
		const errors = await buildErrors();
		expect(errors).toContain(`${DENGUE}: year 2005 has 1 province: 38 that did not exist yet`);
		expect(errors).toContain(`${DENGUE} line ${sum}, field "value": 8591 is not the sum of the 12 months in dengue/dengue_cases_province_monthly.csv (8590 over 12 months)`);
	});

	it('names a missing column', async () => {
		await editLines(ROAD, (lines) => {
			for (let i = 0; i < lines.length; i++) lines[i] = lines[i].split(',').filter((_, j) => j !== 3).join(',');
		});
		expect(await buildErrors()).toEqual([`${ROAD} line 1, field "deaths": column is missing from the header`]);
	});

	it('names a non-numeric value, a bad sex split, a wrong name and a missing denominator, all at once', async () => {
		let text = 0;
		let sum = 0;
		let deaths = 0;
		let name = 0;
		await editLines('population.csv', (lines) => {
			text = lineOf(lines, '10,2024,');
			lines[text - 1] = lines[text - 1].replace(/,2544400,/, ',25444OO,');
			sum = lineOf(lines, '20,2022,');
			const cells = lines[sum - 1].split(',');
			cells[3] = String(Number(cells[3]) + 1);
			lines[sum - 1] = cells.join(',');
		});
		await editLines(ROAD, (lines) => {
			deaths = lineOf(lines, '10,กรุงเทพมหานคร,2022,');
			const cells = lines[deaths - 1].split(',');
			cells[4] = String(Number(cells[4]) + 1);
			lines[deaths - 1] = cells.join(',');
			name = lineOf(lines, '40,ขอนแก่น,2012,');
			lines[name - 1] = lines[name - 1].replace('ขอนแก่น', 'ขอนแกน');
		});
		const errors = await buildErrors();
		expect(errors).toContain(`population.csv line ${text}, field "male": not a number "25444OO"`);
		expect(errors.find((e) => e.startsWith(`population.csv line ${sum}, field "total": male `))).toBeDefined();
		expect(errors.find((e) => e.startsWith(`${ROAD} line ${deaths}, field "deaths": male + female + sex unknown = `))).toBeDefined();
		expect(errors).toContain(`${ROAD} line ${name}, field "province_name_th": "ขอนแกน" is not the name of province "40" (ขอนแก่น)`);
		// Bangkok 2024's population row is dropped: its 2024 road deaths have no denominator, and none is guessed.
		const bangkok2024 = errors.find((e) => e.includes('no registered population for province "10" in 2024'));
		expect(bangkok2024).toMatch(new RegExp(`^${ROAD} line \\d+, field "year": `));
	});

	it('names a boundary feature with an unknown code', async () => {
		const file = path.join(sourcesDir, 'geo/th_adm1.geojson');
		const geo = JSON.parse(await readFile(file, 'utf8')) as { features: { properties: { ADM1_PCODE: string } }[] };
		const i = geo.features.findIndex((f) => f.properties.ADM1_PCODE === 'TH40');
		geo.features[i].properties.ADM1_PCODE = 'TH99';
		await writeFile(file, JSON.stringify(geo));
		expect(await buildErrors()).toEqual([
			`geo/th_adm1.geojson feature ${i + 1}, field "ADM1_PCODE": unknown province code "99" (not in provinces.csv)`,
			'geo/th_adm1.geojson: no boundary for province 40'
		]);
	});

	it('names an unknown province code, a bad role and a duplicate key in the network tables', async () => {
		const file = path.join(sourcesDir, 'networks/network_provinces.csv');
		const lines = (await readFile(file, 'utf8')).split('\n');
		const pilot = lines.findIndex((l) => l.startsWith('area_strengthening_alliance,57,pilot'));
		const target = lines.findIndex((l) => l.startsWith('isan_partner_network,44,target'));
		lines[pilot] = lines[pilot].replace(',57,', ',97,');
		lines[target] = lines[target].replace(',target,', ',champion,');
		lines.push(lines[1]);
		await writeFile(file, lines.join('\n'));
		const first = lines[1].split(',').slice(0, 3).join('/');
		expect(await buildErrors()).toEqual([
			`networks/network_provinces.csv line ${target + 1}, field "role": "champion" is not one of member, target, pilot, working_group`,
			`networks/network_provinces.csv line ${pilot + 1}, field "province_code": unknown province code "97"`,
			`networks/network_provinces.csv line ${lines.length}, fields "network_id", "province_code", "role": duplicate key ${first} (first on line 2)`
		]);
	});

	it('names an event in an unknown province and a project instalment of an unknown project', async () => {
		const events = path.join(sourcesDir, 'networks/network_events.csv');
		const text = await readFile(events, 'utf8');
		await writeFile(events, text.replace('asa_khon_kaen_2025,area_strengthening_alliance,2025-05-02,,40,', 'asa_khon_kaen_2025,area_strengthening_alliance,2025-05-02,,4O,'));
		const instalments = path.join(sourcesDir, 'networks/instalments.csv');
		await writeFile(instalments, (await readFile(instalments, 'utf8')).replace('60-ข-087,2,', '60-ข-078,2,'));
		const line = text.split('\n').findIndex((l) => l.startsWith('asa_khon_kaen_2025')) + 1;
		expect(await buildErrors()).toEqual([
			`networks/network_events.csv line ${line}, field "province_code": unknown province code "4O"`,
			'networks/instalments.csv line 3, field "project_code": unknown project (not in projects.csv) "60-ข-078"'
		]);
	});

	it('names a district boundary in an unknown province', async () => {
		const file = path.join(sourcesDir, 'geo/th_adm2.geojson');
		const geo = JSON.parse(await readFile(file, 'utf8')) as { features: { properties: { ADM2_PCODE: string; ADM1_PCODE: string } }[] };
		const i = geo.features.findIndex((f) => f.properties.ADM2_PCODE === 'TH4711');
		geo.features[i].properties.ADM2_PCODE = 'TH9911';
		geo.features[i].properties.ADM1_PCODE = 'TH99';
		await writeFile(file, JSON.stringify(geo));
		expect(await buildErrors()).toEqual([
			`geo/th_adm2.geojson feature ${i + 1}, field "ADM2_PCODE": unknown province code "99" (not in provinces.csv)`
		]);
	});

	it('leaves an existing output folder untouched', async () => {
		await buildData({ sourcesDir, outDir });
		const before = await readdir(outDir);
		const manifest = await readFile(path.join(outDir, 'manifest.json'));
		await editLines('provinces.csv', (lines) => {
			lines[1] = lines[1].replace(/^10,/, '1x,');
		});
		await expect(buildData({ sourcesDir, outDir })).rejects.toThrow(/provinces\.csv line 2, field "code": province code "1x" is not two digits/);
		expect(await readdir(outDir)).toEqual(before);
		expect((await readFile(path.join(outDir, 'manifest.json'))).equals(manifest)).toBe(true);
	});

	it('reports a missing source file', async () => {
		await rm(path.join(sourcesDir, 'population.csv'));
		await expect(buildData({ sourcesDir, outDir })).rejects.toThrow('population.csv: cannot read: ENOENT');
	});
});
