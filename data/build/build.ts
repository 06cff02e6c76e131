import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
	QUALITY_RULES,
	TABLE_NAMES,
	TABLES,
	type IndicatorRow,
	type IndicatorValueRow,
	type InstalmentRow,
	type PartnerRow,
	type ProjectRow,
	type QualityRule,
	type SourceRow,
	type TableName
} from '../../src/lib/data/contract.ts';
import {
	checkOrphanInstalments,
	checkPartner,
	checkProject,
	compareIssues,
	districtLookup,
	instalmentKey,
	prepareArea,
	type QualityContext,
	type QualityIssue
} from './quality.ts';
import { parseCsv, type CsvTable } from './csv.ts';
import { buildDistricts } from './districts.ts';
import { DataBuildError, type BuildError } from './errors.ts';
import { buildProvinceGeojson } from './geo.ts';
import {
	DEFAULT_PARTNERS,
	DEFAULT_PROJECTS,
	NETWORK_SAMPLE_SEED,
	NETWORK_SAMPLE_SOURCE,
	NetworkSample
} from './network-sample.ts';
import {
	NETWORK_FILES,
	readInstalments,
	readNetworkEvents,
	readNetworkProvinces,
	readNetworks,
	readProjects
} from './networks.ts';
import { INDICATORS, ISSUE_AREAS, NETWORK_DOCUMENTS_SOURCE, provinceExisted, SOURCES } from './reference.ts';
import { readDengue, readRoadDeaths3Base, readTargets } from './series.ts';
import { SAMPLE_INDICATORS, SAMPLE_SOURCE, sampleValues } from './sample.ts';
import { SYNTHETIC_SEED, SYNTHETIC_SOURCE, syntheticIndicators, syntheticValues } from './synthetic.ts';
import { checkProvincePopulation, joinPopulation, readPopulation, readProvinces } from './tables.ts';
import { checkCatalogue } from './validate.ts';
import { ParquetWriter, type Row } from './write.ts';
import {
	bilingual,
	leaveOut,
	placeText,
	readExports,
	SITE_CONFIG_FILE,
	type ExportRow,
	type ExportsReport
} from './exports.ts';
import { writeCoverageFiles, writeCoverageIndex } from './coverage-files.ts';
import { writeCubeFiles } from './cube-files.ts';
import { CUBES_DIR, CUBES_INDEX } from '../../src/lib/data/cube-files.ts';
import { writeProjectRecords } from './project-records.ts';
import { PROJECT_RECORDS_DIR, PROJECT_RECORDS_INDEX } from '../../src/lib/data/project-records.ts';
import { COVERAGE_POINTS_DIR, COVERAGE_POINTS_INDEX } from '../../src/lib/data/coverage-summary.ts';
import { COVERAGE_DIR, COVERAGE_INDEX } from '../../src/lib/data/coverage-files.ts';
import { parseSiteConfig, SITE_FILE, type SiteConfig } from '../../src/lib/config/site-config.ts';
import { exportedIndicator, exportedValues, notReplaced } from './export-values.ts';
import { EXPORTS_SOURCE, REPORT_FILE, REPORT_MARKDOWN_FILE, reportMarkdown, StrictExportsError } from './report.ts';
import { buildZoneGeojson } from './zones.ts';

/** Source files, relative to the sources folder. */
export const SOURCE_FILES = {
	provinces: 'provinces.csv',
	population: 'population.csv',
	populationHistory: 'population_history/population_dopa_2003_2021.csv',
	roadDeaths: 'road_deaths_3base/road_deaths_rtddi_3base_2011_2024.csv',
	dengueAnnual: 'dengue/dengue_cases_province_annual.csv',
	dengueMonthly: 'dengue/dengue_cases_province_monthly.csv',
	targets: 'targets/national_targets.csv',
	geo: 'geo/th_adm1.geojson',
	districtsGeo: 'geo/th_adm2.geojson',
	...NETWORK_FILES
} as const;

type SourceName = keyof typeof SOURCE_FILES;
/** Sources read with the plain CSV parser, and those (text-heavy) that may quote fields. */
const PLAIN_CSV = ['provinces', 'population', 'populationHistory', 'roadDeaths', 'dengueMonthly'] as const;
type QuotedCsv = keyof typeof NETWORK_FILES | 'dengueAnnual' | 'targets';

export const GEOJSON_FILE = 'provinces.geojson';
/** Health-zone outlines, dissolved from the province polygons (zones.ts). */
export const ZONES_FILE = 'zones.geojson';
/** District polygons (districts.ts). */
export const DISTRICTS_GEOJSON_FILE = 'districts.geojson';
export const MANIFEST_FILE = 'manifest.json';
export const OUTPUT_FILES: readonly string[] = [
	...TABLE_NAMES.map((t) => TABLES[t].file),
	GEOJSON_FILE,
	ZONES_FILE,
	DISTRICTS_GEOJSON_FILE,
	REPORT_FILE,
	REPORT_MARKDOWN_FILE,
	SITE_FILE,
	COVERAGE_INDEX,
	COVERAGE_POINTS_INDEX,
	CUBES_INDEX,
	PROJECT_RECORDS_INDEX,
	MANIFEST_FILE
];

/**
 * Folders the build writes: the coverage pages' first answers and the points, one file per province (coverage-files.ts), the
 * explorer's cubes (cube-files.ts) and the projects' records in parts (project-records.ts).
 */
export const OUTPUT_DIRS: readonly string[] = [COVERAGE_DIR, COVERAGE_POINTS_DIR, CUBES_DIR, PROJECT_RECORDS_DIR];

/** Tables written row by row from generators (the sample network data and its quality report). */
const STREAMED = ['partners', 'projects', 'instalments', 'quality_issues'] as const satisfies readonly TableName[];

export interface Manifest {
	generated_from: Record<string, string>;
	tables: Record<TableName, { file: string; rows: number; bytes: number }>;
	/** The GeoJSON files: features and bytes of each. */
	geometry: Record<string, { features: number; bytes: number }>;
	/** Only in a benchmark build with synthetic indicators (see synthetic.ts). */
	synthetic?: { scale: number; seed: number; indicators: number; values: number };
	/** The coverage summary's rows and bytes, and the number of files of points (coverage-files.ts). */
	coverage?: { summary_rows: number; summary_bytes: number; point_files: number };
	/** Files of the explorer's cubes (cube-files.ts). */
	cube_files?: number;
	/** The generated sample partners and projects (network-sample.ts). */
	network_sample: { seed: number; partners: number; projects: number; instalments: number };
	/** Rows of quality_issues by rule (real and sample rows together). */
	quality: Partial<Record<QualityRule, number>>;
	/** Only in a build from an organisation's exports: the folder, strict or not, and the files read (sha256). */
	exports?: {
		folder: string;
		strict: boolean;
		files: Record<string, string>;
		tables: ExportsReport['tables'];
		problems: number;
	};
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
	/**
	 * Benchmark builds: multiplies the number of sample partners (3 000) and
	 * projects (1 500) by this factor. Default 1.
	 */
	networkScale?: number;
	/** Exact numbers of sample partners and projects; override networkScale. */
	samplePartners?: number;
	sampleProjects?: number;
	/** Seed for the sample partners and projects. */
	networkSeed?: number;
	/**
	 * An organisation's exports folder (exports.ts): each table it supplies (partners, projects,
	 * instalments) replaces the bundled and sample table of its kind; unusable rows are left out and
	 * listed in the report.
	 */
	exportsDir?: string;
	/** Fail instead of leaving rows or files out (the report's problems are the error's messages). */
	strict?: boolean;
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** The deployment's settings (config.json in the exports folder), checked; a mistake fails the build, naming the field. */
async function readSiteConfig(exportsDir: string, bytes: Buffer | undefined): Promise<SiteConfig> {
	const catalogue = [...INDICATORS, ...SAMPLE_INDICATORS];
	if (!bytes) return parseSiteConfig({}, catalogue).config;
	const file = path.join(path.basename(exportsDir), SITE_CONFIG_FILE);
	let raw: unknown;
	try {
		raw = JSON.parse(bytes.toString('utf8'));
	} catch (e) {
		throw new DataBuildError([{ file, message: `invalid JSON: ${(e as Error).message}` }]);
	}
	const { config, errors } = parseSiteConfig(raw, catalogue);
	if (errors.length > 0) throw new DataBuildError(errors.map((message) => ({ file, message })));
	return config;
}

async function readSources(sourcesDir: string): Promise<Record<SourceName, Buffer>> {
	const entries = Object.entries(SOURCE_FILES) as [SourceName, string][];
	const errors: BuildError[] = [];
	const out: Partial<Record<SourceName, Buffer>> = {};
	for (const [name, file] of entries) {
		try {
			out[name] = await readFile(path.join(sourcesDir, file));
		} catch (e) {
			errors.push({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
		}
	}
	if (errors.length > 0) throw new DataBuildError(errors);
	return out as Record<SourceName, Buffer>;
}

const sampleCount = (explicit: number | undefined, base: number, scale: number): number => {
	const n = explicit ?? Math.round(base * scale);
	if (!Number.isInteger(n) || n < 0) throw new Error(`sample size must be a whole number ≥ 0, not ${n}`);
	return n;
};

/**
 * Reads and validates every source, then writes all outputs. Nothing is
 * written to outDir unless every check passes: outputs are built in a temp
 * folder inside outDir and renamed into place, the manifest last.
 */
export async function buildData({
	sourcesDir,
	outDir,
	scale = 0,
	seed = SYNTHETIC_SEED,
	networkScale = 1,
	samplePartners,
	sampleProjects,
	networkSeed = NETWORK_SAMPLE_SEED,
	exportsDir,
	strict = false
}: BuildOptions): Promise<Manifest> {
	const partnerCount = sampleCount(samplePartners, DEFAULT_PARTNERS, networkScale);
	const projectCount = sampleCount(sampleProjects, DEFAULT_PROJECTS, networkScale);
	const raw = await readSources(sourcesDir);
	const errors: BuildError[] = [];
	const csv = (name: (typeof PLAIN_CSV)[number] | QuotedCsv): CsvTable => {
		const quoted = !(PLAIN_CSV as readonly string[]).includes(name);
		const { table, errors: e } = parseCsv(raw[name].toString('utf8'), SOURCE_FILES[name], { quoted });
		errors.push(...e);
		return table;
	};
	const json = (name: 'geo' | 'districtsGeo'): unknown => {
		try {
			return JSON.parse(raw[name].toString('utf8'));
		} catch (e) {
			errors.push({ file: SOURCE_FILES[name], message: `invalid JSON: ${(e as Error).message}` });
			return null;
		}
	};
	const provincesCsv = csv('provinces');

	const provinces = readProvinces(provincesCsv);
	errors.push(...provinces.errors);
	const codes = provinces.rows.map((p) => p.province_code).sort();
	// Registered population 2003–2021 (history) and 2022–2025: a denominator for every year.
	const recent = readPopulation(csv('population'), codes);
	const history = readPopulation(csv('populationHistory'), codes, {
		codeField: 'province_code',
		existed: provinceExisted
	});
	const population = joinPopulation([
		{ file: SOURCE_FILES.populationHistory, rows: history.rows },
		{ file: SOURCE_FILES.population, rows: recent.rows }
	]);
	errors.push(...recent.errors, ...history.errors, ...population.errors);
	errors.push(...checkProvincePopulation(provincesCsv, provinces.rows, population.rows));
	// The real series: road deaths 2011–2024 (3-base) and dengue fever 2003–2022, with their rates.
	const road = readRoadDeaths3Base(csv('roadDeaths'), provinces.rows, population.rows);
	const dengue = readDengue(csv('dengueAnnual'), csv('dengueMonthly'), codes, population.rows);
	const targets = readTargets(csv('targets'), new Set(INDICATORS.map((i) => i.indicator_id)));
	errors.push(...road.errors, ...dengue.errors, ...targets.errors);

	const { geojson, errors: geoErrors } = buildProvinceGeojson(json('geo'), SOURCE_FILES.geo, provinces.rows);
	errors.push(...geoErrors);
	const districts = buildDistricts(json('districtsGeo'), SOURCE_FILES.districtsGeo, provinces.rows);
	errors.push(...districts.errors);

	// The real network tables (data/sources/networks/), checked against provinces, districts and each other.
	const provinceSet = new Set(codes);
	const issueAreaIds = ISSUE_AREAS.map((a) => a.issue_area_id);
	const networks = readNetworks(csv('networks'));
	const networkIds = new Set(networks.rows.map((n) => n.network_id));
	const networkProvinces = readNetworkProvinces(csv('networkProvinces'), networkIds, provinceSet);
	const networkEvents = readNetworkEvents(csv('networkEvents'), networkIds, provinceSet);
	const realProjects = readProjects(csv('projects'), {
		provinces: provinceSet,
		districts: new Map(districts.rows.map((d) => [d.district_code, d.province_code])),
		networks: networkIds,
		issueAreas: issueAreaIds
	});
	const realInstalments = readInstalments(csv('instalments'), new Set(realProjects.rows.map((p) => p.project_code)));
	for (const r of [networks, networkProvinces, networkEvents, realProjects, realInstalments]) errors.push(...r.errors);

	if (errors.length > 0) throw new DataBuildError(errors);

	// The organisation's exports, read with the Your data page's code (before anything is written).
	const exported = exportsDir
		? await readExports(exportsDir, { provinces: provinces.rows, issueAreas: ISSUE_AREAS, districts: districts.rows })
		: null;
	const own = exported?.tables ?? {};
	const site = exported
		? await readSiteConfig(exportsDir!, exported.files[SITE_CONFIG_FILE])
		: parseSiteConfig({}, []).config;
	const sampleIndicators = site.showSampleIndicators;
	const report = exported?.report ?? null;
	/** Sample rows remain only for tables the exports do not supply. */
	const keepSamplePartners = own.partners === undefined;
	const keepSampleProjects = own.projects === undefined;
	const sampleSources = keepSamplePartners || keepSampleProjects ? [NETWORK_SAMPLE_SOURCE] : [];
	// The exports' indicator values replace the bundled or sample values of the indicators they name.
	const ownValues = exported
		? exportedValues(own.indicator_values, [...INDICATORS, ...SAMPLE_INDICATORS], exported.report)
		: { values: [], replaced: new Set<string>() };
	const replaced = ownValues.replaced;
	const catalogueRow = (i: IndicatorRow) => (replaced.has(i.indicator_id) ? exportedIndicator(i, EXPORTS_SOURCE) : i);

	const tables: Record<Exclude<TableName, (typeof STREAMED)[number]>, readonly Row[]> = {
		provinces: provinces.rows,
		population: population.rows,
		issue_areas: ISSUE_AREAS,
		// Real rows first, then the generated sample indicators (sample.ts) for the issue areas without open data.
		sources: [
			...SOURCES,
			NETWORK_DOCUMENTS_SOURCE,
			...(sampleIndicators ? [SAMPLE_SOURCE] : []),
			...sampleSources,
			...(exported ? [EXPORTS_SOURCE] : [])
		],
		indicator_catalogue: [
			...INDICATORS,
			...SAMPLE_INDICATORS.filter((i) => sampleIndicators || replaced.has(i.indicator_id))
		].map(catalogueRow),
		indicator_values: [
			...notReplaced(
				[...road.rows, ...dengue.rows, ...(sampleIndicators ? sampleValues(provinces.rows, population.rows) : [])],
				replaced
			),
			...ownValues.values
		],
		unallocated_values: notReplaced(road.unallocated, replaced),
		indicator_months: notReplaced(dengue.months, replaced),
		targets: targets.rows,
		districts: districts.rows,
		networks: networks.rows,
		network_provinces: networkProvinces.rows,
		network_events: networkEvents.rows
	};
	let synthetic: Manifest['synthetic'];
	if (scale > 0) {
		const template = INDICATORS.find((i) => i.indicator_id === 'road_death_rate') ?? INDICATORS[0];
		const indicators = syntheticIndicators(
			scale,
			ISSUE_AREAS.map((a) => a.issue_area_id),
			template
		);
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

	const sample = new NetworkSample({
		provinces: provinces.rows,
		districts: districts.geojson.features.map((f) => ({ ...f.properties, area: prepareArea(f.geometry) })),
		networks: networks.rows,
		networkProvinces: networkProvinces.rows,
		issueAreas: issueAreaIds,
		reservedProjectCodes: new Set(realProjects.rows.map((p) => p.project_code)),
		partners: keepSamplePartners ? partnerCount : 0,
		projects: keepSampleProjects ? projectCount : 0,
		seed: networkSeed
	});
	// Sample partner ids are P0000001 … Pn (see NetworkSample.partnerId); no real partners yet.
	const partnerIds = new Set<string>();
	const quality: QualityContext = {
		districts: districtLookup(districts.rows, districts.geojson),
		provinces: provinceSet,
		issueAreas: new Set(issueAreaIds),
		networks: networkIds,
		hasPartner: (id) => partnerIds.has(id)
	};

	await mkdir(outDir, { recursive: true });
	const tmp = await mkdtemp(path.join(outDir, '.tmp-'));
	try {
		const manifest: Manifest = {
			generated_from: Object.fromEntries(
				Object.entries(SOURCE_FILES).map(([name, file]) => [file, sha256(raw[name as SourceName])])
			),
			tables: {} as Manifest['tables'],
			geometry: {},
			...(synthetic ? { synthetic } : {}),
			network_sample: {
				seed: networkSeed,
				partners: keepSamplePartners ? partnerCount : 0,
				projects: keepSampleProjects ? projectCount : 0,
				instalments: 0
			},
			quality: {}
		};
		const writer = await ParquetWriter.open();
		const written = async (name: TableName, rows: number): Promise<void> => {
			const { file } = TABLES[name];
			manifest.tables[name] = { file, rows, bytes: (await stat(path.join(tmp, file))).size };
		};
		try {
			for (const name of TABLE_NAMES) {
				if ((STREAMED as readonly string[]).includes(name)) continue;
				const rows = tables[name as keyof typeof tables];
				await writer.write(TABLES[name], rows, path.join(tmp, TABLES[name].file));
				await written(name, rows.length);
			}

			// Partners, projects and instalments, streamed from the generator; quality rules on every row.
			const issues: QualityIssue[] = [];
			// A partner or project of the exports whose key an earlier row has, or whose province or district
			// nobody knows, is left out and listed.
			const placeOf = new Map<string, ExportRow>();
			const unusable = (r: ExportRow, table: 'partners' | 'projects', found: readonly QualityIssue[]): boolean => {
				const field = TABLES[table].key[0];
				const key = String((r.row as Record<string, unknown>)[field]);
				const earlier = placeOf.get(`${table}:${key}`);
				if (earlier) {
					leaveOut(
						report!,
						r,
						field,
						key,
						'duplicate_key',
						bilingual('report_duplicate_elsewhere', { key, place: placeText(earlier.place) })
					);
					return true;
				}
				const unknown = found.filter((i) => i.rule === 'unknown_province' || i.rule === 'unknown_district');
				for (const i of unknown)
					leaveOut(report!, r, i.field, String((r.row as Record<string, unknown>)[i.field] ?? ''), i.rule, i);
				if (unknown.length > 0) return true;
				placeOf.set(`${table}:${key}`, r);
				return false;
			};
			const partners = await writer.begin(TABLES.partners);
			const partnerRows: Iterable<PartnerRow> = keepSamplePartners
				? sample.partners()
				: (own.partners ?? []).flatMap((r) => {
						const partner = r.row as unknown as PartnerRow;
						return unusable(r, 'partners', checkPartner(partner, { ...quality, hasPartner: () => true }))
							? []
							: [partner];
					});
			for (const partner of partnerRows) {
				partners.append(partner);
				partnerIds.add(partner.partner_id);
				issues.push(...checkPartner(partner, quality));
			}
			const projects = await writer.begin(TABLES.projects);
			const instalments = await writer.begin(TABLES.instalments);
			const byProject = new Map<string, InstalmentRow[]>();
			// The exports' instalments replace the bundled ones; the exports' projects bring none of the bundled ones.
			const seenInstalments = new Map<string, ExportRow>();
			const instalmentRows: InstalmentRow[] =
				own.instalments !== undefined
					? own.instalments.flatMap((r) => {
							const i = r.row as unknown as InstalmentRow;
							const key = instalmentKey(i);
							const earlier = seenInstalments.get(key);
							if (!earlier) {
								seenInstalments.set(key, r);
								return [i];
							}
							leaveOut(
								report!,
								r,
								'project_code, instalment_no',
								key,
								'duplicate_key',
								bilingual('report_duplicate_elsewhere', { key, place: placeText(earlier.place) })
							);
							return [];
						})
					: keepSampleProjects
						? realInstalments.rows
						: [];
			for (const i of instalmentRows) byProject.set(i.project_code, [...(byProject.get(i.project_code) ?? []), i]);
			const projectCodes = new Set<string>();
			const add = (project: (typeof realProjects.rows)[number], rows: readonly InstalmentRow[]): void => {
				if (projectCodes.has(project.project_code)) throw new Error(`duplicate project code ${project.project_code}`);
				projectCodes.add(project.project_code);
				projects.append(project);
				for (const i of rows) instalments.append(i);
				issues.push(...checkProject(project, rows, quality));
			};
			if (keepSampleProjects) {
				for (const p of realProjects.rows) add(p, byProject.get(p.project_code) ?? []);
				for (const { project, instalments: rows } of sample.projects()) {
					add(project, rows);
					manifest.network_sample.instalments += rows.length;
				}
			} else
				for (const r of own.projects ?? []) {
					const project = r.row as unknown as ProjectRow;
					const found = checkProject(project, [], quality);
					if (!unusable(r, 'projects', found)) add(project, byProject.get(project.project_code) ?? []);
				}
			issues.push(...checkOrphanInstalments(instalmentRows, (c) => projectCodes.has(c)));

			// Unknown codes are not allowed by the contract: the real sources were checked above, so one here is a generator bug.
			const unknown = issues.filter((i) => i.rule === 'unknown_province' || i.rule === 'unknown_district');
			if (unknown.length > 0)
				throw new DataBuildError(
					unknown.map((i) => ({
						file: `${i.table_name} (generated)`,
						field: i.field,
						message: `${i.row_key}: ${i.message_en}`
					}))
				);

			for (const [sink, name] of [
				[partners, 'partners'],
				[projects, 'projects'],
				[instalments, 'instalments']
			] as const)
				await written(name, await writer.finish(sink, path.join(tmp, TABLES[name].file)));
			issues.sort(compareIssues);
			await written(
				'quality_issues',
				await writer.write(TABLES.quality_issues, issues, path.join(tmp, TABLES.quality_issues.file))
			);
			for (const rule of QUALITY_RULES) {
				const n = issues.filter((i) => i.rule === rule).length;
				if (n > 0) manifest.quality[rule] = n;
			}
		} finally {
			await writer.close();
		}
		// The coverage page's summary and its points by province, from the tables just written.
		const coverage = await writeCoverageFiles(tmp);
		// What the coverage pages' first answers need besides the summary, read without DuckDB.
		await writeCoverageIndex(tmp, coverage);
		// A project's record reads one part of consecutive codes, not the whole tables.
		await writeProjectRecords(tmp, { projects: TABLES.projects.file, instalments: TABLES.instalments.file });
		manifest.coverage = {
			summary_rows: coverage.summaryRows,
			summary_bytes: coverage.summaryBytes,
			point_files: coverage.points.length
		};
		// The explorer's cubes, read by the page without DuckDB (issue 21).
		manifest.cube_files = await writeCubeFiles(tmp);
		if (report && exported) {
			if (strict && report.problems.length > 0) throw new StrictExportsError(report.problems);
			for (const name of ['partners', 'projects', 'instalments'] as const)
				if (own[name] !== undefined) report.tables[name] = manifest.tables[name].rows;
			if (own.indicator_values !== undefined) report.tables.indicator_values = ownValues.values.length;
			manifest.exports = {
				folder: path.relative(process.cwd(), path.resolve(exportsDir!)) || '.',
				strict,
				files: Object.fromEntries(Object.entries(exported.files).map(([name, bytes]) => [name, sha256(bytes)])),
				tables: report.tables,
				problems: report.problems.length
			};
		}
		await writeFile(path.join(tmp, REPORT_FILE), JSON.stringify(report) + '\n');
		await writeFile(path.join(tmp, SITE_FILE), JSON.stringify(site, null, 2) + '\n');
		await writeFile(path.join(tmp, REPORT_MARKDOWN_FILE), reportMarkdown(report));
		for (const [file, collection] of [
			[GEOJSON_FILE, geojson],
			[ZONES_FILE, zones],
			[DISTRICTS_GEOJSON_FILE, districts.geojson]
		] as const) {
			await writeFile(path.join(tmp, file), JSON.stringify(collection) + '\n');
			manifest.geometry[file] = {
				features: collection.features.length,
				bytes: (await stat(path.join(tmp, file))).size
			};
		}
		await writeFile(path.join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');

		for (const file of OUTPUT_FILES) await rename(path.join(tmp, file), path.join(outDir, file));
		for (const dir of OUTPUT_DIRS) {
			await rm(path.join(outDir, dir), { recursive: true, force: true });
			await rename(path.join(tmp, dir), path.join(outDir, dir));
		}
		return manifest;
	} finally {
		await rm(tmp, { recursive: true, force: true });
	}
}
