/**
 * Writes codec-<codec>.parquet: the same 300 partner-like rows (Thai text, a list of issue areas
 * as text, numbers, dates, nulls) once per compression codec DuckDB writes. Kept in the repository
 * as fixtures (issue 19); run again only to change them: `npx tsx tests/parquet-files/make-codecs.ts`.
 * The older Hadoop LZ4 framing comes from the Apache corpus (`hadoop_lz4_compressed.parquet`).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';

export const CODECS = ['uncompressed', 'snappy', 'gzip', 'zstd', 'lz4_raw', 'brotli'] as const;

const dir = join(import.meta.dirname, '.');
const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();
for (const codec of CODECS) {
	await conn.run(`COPY (
		SELECT printf('P%06d', i) AS partner_id,
		       'ภาคีเครือข่ายที่ ' || i AS name_th,
		       CASE WHEN i % 7 = 0 THEN NULL ELSE 'Partner ' || i END AS name_en,
		       printf('%02d', 10 + i % 77) AS province_code,
		       (['tobacco;road_safety', 'alcohol', NULL])[1 + i % 3] AS issue_area_ids,
		       13.0 + i / 1000 AS lat,
		       (2550 + i % 20)::SMALLINT AS year_joined,
		       DATE '2024-01-01' + (i % 365)::INTEGER AS joined_on,
		       i % 2 = 0 AS active
		FROM range(300) t(i)
	) TO '${join(dir, `codec-${codec}.parquet`)}' (FORMAT parquet, COMPRESSION ${codec})`);
}
conn.closeSync();
db.closeSync();
