import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
	TABLE_NAMES,
	TABLES,
	type IndicatorRow,
	type IndicatorValueRow,
	type SourceRow,
	type TableName
} from '../../src/lib/data/contract.ts';
import { parseCsv, type CsvTable } from './csv.ts';
import { DataBuildError, type BuildError } from './errors.ts';
import { buildProvinceGeojson } from './geo.ts';
import { INDICATORS, ISSUE_AREAS, SOURCES } from './reference.ts';
import { SAMPLE_INDICATORS, SAMPLE_SOURCE, sampleValues } from './sample.ts';
import { SYNTHETIC_SEED, SYNTHETIC_SOURCE, syntheticIndicators, syntheticValues } from './synthetic.ts';
import { checkProvincePopulation, readPopulation, readProvinces, readRoadDeaths } from './tables.ts';
import { checkCatalogue } from './validate.ts';
import { ParquetWriter, type Row } from './write.ts';
import { buildZoneGeojson } from './zones.ts';

/** Source files, relative to the sources folder. */
export const SOURCE_FILES = {
	provinces: 'provinces.csv',
	population: 'population.csv',
	roadDeaths: 'road_deaths.csv',
	geo: 'geo/th_adm1.geojson'
} as const;

export const GEOJSON_FILE = 'provinces.geojson';
/** Health-zone outlines, dissolved from the province polygons (zones.ts). */
export const ZONES_FILE = 'zones.geojson';
export const MANIFEST_FILE = 'manifest.json';
export const OUTPUT_FILES: readonly string[] = [
	...TABLE_NAMES.map((t) => TABLES[t].file),
	GEOJSON_FILE,
	ZONES_FILE,
	MANIFEST_FILE
];

export interface Manifest {
	generated_from: Record<string, string>;
	tables: Record<TableName, { file: string; rows: number; bytes: number }>;
	/** The GeoJSON files: features and bytes of each. */
	geometry: Record<string, { features: number; bytes: number }>;
	/** Only in a benchmark build with synthetic indicators (see synthetic.ts). */
	synthetic?: { scale: number; seed: number; indicators: number; values: number };
}

export interface BuildOptions {
	sourcesDir: string;
	outDir: string;
	/**
	 * Benchmark builds only: append `scale` synthetic sample indicators
	 * (× 20 years × 77 provinces) to the real catalogue and values. 0 (the
	 * default) builds exactly the real data.
	 */
	scale?: number;
	/** Seed for the synthetic values. */
	seed?: number;
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

async function readSources(sourcesDir: string): Promise<Record<keyof typeof SOURCE_FILES, Buffer>> {
	const entries = Object.entries(SOURCE_FILES) as [keyof typeof SOURCE_FILES, string][];
	const errors: BuildError[] = [];
	const out: Partial<Record<keyof typeof SOURCE_FILES, Buffer>> = {};
	for (const [name, file] of entries) {
		try {
			out[name] = await readFile(path.join(sourcesDir, file));
		} catch (e) {
			errors.push({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
		}
	}
	if (errors.length > 0) throw new DataBuildError(errors);
	return out as Record<keyof typeof SOURCE_FILES, Buffer>;
}

/**
 * Reads and validates every source, then writes all outputs. Nothing is
 * written to outDir unless every check passes: outputs are built in a temp
 * folder inside outDir and renamed into place, the manifest last.
 */
export async function buildData({ sourcesDir, outDir, scale = 0, seed = SYNTHETIC_SEED }: BuildOptions): Promise<Manifest> {
	const raw = await readSources(sourcesDir);
	const errors: BuildError[] = [];
	const csv = (name: 'provinces' | 'population' | 'roadDeaths'): CsvTable => {
		const { table, errors: e } = parseCsv(raw[name].toString('utf8'), SOURCE_FILES[name]);
		errors.push(...e);
		return table;
	};
	const provincesCsv = csv('provinces');
	const populationCsv = csv('population');
	const roadDeathsCsv = csv('roadDeaths');

	const provinces = readProvinces(provincesCsv);
	errors.push(...provinces.errors);
	const codes = provinces.rows.map((p) => p.province_code).sort();
	const population = readPopulation(populationCsv, codes);
	errors.push(...population.errors);
	errors.push(...checkProvincePopulation(provincesCsv, provinces.rows, population.rows));
	const values = readRoadDeaths(roadDeathsCsv, codes, population.rows);
	errors.push(...values.errors);

	let geo: unknown = null;
	try {
		geo = JSON.parse(raw.geo.toString('utf8'));
	} catch (e) {
		errors.push({ file: SOURCE_FILES.geo, message: `invalid JSON: ${(e as Error).message}` });
	}
	const { geojson, errors: geoErrors } = buildProvinceGeojson(geo, SOURCE_FILES.geo, provinces.rows);
	errors.push(...geoErrors);

	if (errors.length > 0) throw new DataBuildError(errors);

	const tables: Record<TableName, readonly Row[]> = {
		provinces: provinces.rows,
		population: population.rows,
		issue_areas: ISSUE_AREAS,
		// Real rows first, then the generated sample indicators (sample.ts) for the issue areas without open data.
		sources: [...SOURCES, SAMPLE_SOURCE],
		indicator_catalogue: [...INDICATORS, ...SAMPLE_INDICATORS],
		indicator_values: [...values.rows, ...sampleValues(provinces.rows, population.rows)]
	};
	let synthetic: Manifest['synthetic'];
	if (scale > 0) {
		const template = INDICATORS.find((i) => i.indicator_id === 'road_death_rate') ?? INDICATORS[0];
		const indicators = syntheticIndicators(scale, ISSUE_AREAS.map((a) => a.issue_area_id), template);
		const extra = syntheticValues(indicators, provinces.rows, undefined, seed);
		tables.sources = [...tables.sources, SYNTHETIC_SOURCE];
		tables.indicator_catalogue = [...tables.indicator_catalogue, ...indicators];
		tables.indicator_values = [...tables.indicator_values, ...extra];
		synthetic = { scale, seed, indicators: indicators.length, values: extra.length };
	}
	const catalogueErrors = checkCatalogue(
		tables.indicator_catalogue as IndicatorRow[],
		ISSUE_AREAS,
		tables.sources as SourceRow[],
		tables.indicator_values as IndicatorValueRow[]
	);
	if (catalogueErrors.length > 0) throw new DataBuildError(catalogueErrors);
	const zones = buildZoneGeojson(geojson);

	await mkdir(outDir, { recursive: true });
	const tmp = await mkdtemp(path.join(outDir, '.tmp-'));
	try {
		const manifest: Manifest = {
			generated_from: Object.fromEntries(
				Object.entries(SOURCE_FILES).map(([name, file]) => [file, sha256(raw[name as keyof typeof SOURCE_FILES])])
			),
			tables: {} as Manifest['tables'],
			geometry: {},
			...(synthetic ? { synthetic } : {})
		};
		const writer = await ParquetWriter.open();
		try {
			for (const name of TABLE_NAMES) {
				const { file } = TABLES[name];
				await writer.write(TABLES[name], tables[name], path.join(tmp, file));
				manifest.tables[name] = { file, rows: tables[name].length, bytes: (await stat(path.join(tmp, file))).size };
			}
		} finally {
			writer.close();
		}
		for (const [file, collection] of [[GEOJSON_FILE, geojson], [ZONES_FILE, zones]] as const) {
			await writeFile(path.join(tmp, file), JSON.stringify(collection) + '\n');
			manifest.geometry[file] = { features: collection.features.length, bytes: (await stat(path.join(tmp, file))).size };
		}
		await writeFile(path.join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');

		for (const file of OUTPUT_FILES) await rename(path.join(tmp, file), path.join(outDir, file));
		return manifest;
	} finally {
		await rm(tmp, { recursive: true, force: true });
	}
}
