/**
 * The explorer's cubes as files (src/lib/data/cube-files.ts): what the page's query module computes for
 * the explorer, computed here by the same query module (AtlasDb, DuckDB in Node) from the tables just
 * written, so the page answers the bundled indicators without starting DuckDB (issue 21).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AtlasDb, CORE_TABLES } from '../../src/lib/data/atlas-db.ts';
import {
	CUBE_HEADLINES,
	CUBE_MONTHS,
	CUBE_VALUES,
	CUBES_DIR,
	CUBES_INDEX,
	cubeFileName,
	cubeFileRows,
	cubePlaces,
	type CubesIndex
} from '../../src/lib/data/cube-files.ts';
import { NodeConnector } from '../../src/lib/data/node-connector.ts';
import { ParquetWriter } from './write.ts';

/** Writes `dir/cubes/` and `dir/cubes.json` from the tables in `dir`; returns the number of files. */
export async function writeCubeFiles(dir: string): Promise<number> {
	const writer = await ParquetWriter.open();
	const db = await AtlasDb.open(
		await NodeConnector.open(),
		async (file) => new Uint8Array(await readFile(path.join(dir, file))),
		[...CORE_TABLES, 'indicator_months']
	);
	try {
		const ids = (await db.indicators()).map((i) => i.indicator_id).sort();
		const taken = new Set<string>();
		const index: CubesIndex = { values: {}, headlines: `${CUBES_DIR}/headlines.parquet`, months: {} };
		for (const kind of ['values', 'months']) await mkdir(path.join(dir, CUBES_DIR, kind), { recursive: true });

		// All indicators in one query, then one file each.
		const all = await db.indicatorCubeRows(ids);
		const byId = new Map(ids.map((id) => [id, { values: [] as typeof all.values, aggregates: [] as typeof all.aggregates }]));
		for (const r of all.values) byId.get(r.indicator_id)!.values.push(r);
		for (const r of all.aggregates) byId.get(r.indicator_id)!.aggregates.push(r);
		for (const id of ids) {
			const file = cubeFileName('values', id, taken);
			await writer.write(CUBE_VALUES, cubeFileRows(byId.get(id)!), path.join(dir, file));
			index.values[id] = file;
		}
		await writer.write(CUBE_HEADLINES, await db.headlineRows(), path.join(dir, index.headlines));

		const places = await cubePlaces(db);
		for (const id of await db.monthlyIndicators()) {
			const file = cubeFileName('months', id, taken);
			const rows = [];
			for (const place of places)
				for (const m of await db.monthly(id, place)) rows.push({ scope: place.scope, scope_id: place.id, ...m });
			await writer.write(CUBE_MONTHS, rows, path.join(dir, file));
			index.months[id] = file;
		}
		await writeFile(path.join(dir, CUBES_INDEX), JSON.stringify(index) + '\n');
		return taken.size + 1;
	} finally {
		await db.close();
		await writer.close();
	}
}
