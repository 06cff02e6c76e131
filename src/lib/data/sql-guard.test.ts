import { describe, expect, it } from 'vitest';
import { guardSql, limitedSql } from './sql-guard';

const ok = (sql: string) => guardSql(sql).ok;
const refusal = (sql: string) => {
	const r = guardSql(sql);
	return r.ok ? null : r;
};

describe('guardSql accepts read-only statements', () => {
	it.each([
		'SELECT 1',
		'select * from provinces',
		'SELECT * FROM provinces;',
		'  SELECT * FROM provinces ;  ; ',
		'WITH t AS (SELECT 1 AS x) SELECT * FROM t',
		'FROM provinces',
		'FROM provinces SELECT name_th LIMIT 3',
		'(SELECT 1) UNION ALL (SELECT 2)',
		'VALUES (1, 2)',
		'DESCRIBE provinces',
		'DESCRIBE SELECT * FROM provinces',
		'SHOW TABLES',
		'SHOW ALL TABLES',
		'SUMMARIZE indicator_values',
		'EXPLAIN SELECT * FROM provinces',
		"PRAGMA table_info('provinces')",
		'PRAGMA show_tables',
		"SELECT 'DROP TABLE provinces; INSERT' AS s",
		'SELECT "delete" FROM (SELECT 1 AS "delete")',
		'SELECT 1 -- DROP TABLE x\n',
		'SELECT /* DROP */ 1',
		"SELECT * FROM provinces WHERE name_th IN ('ขอนแก่น', 'ภูเก็ต')",
		'SELECT $$ DROP $$ AS s',
		'SELECT $tag$ x; DROP $tag$',
		"SELECT E'it\\'s'",
		'SELECT จังหวัด FROM "ข้อมูล"',
		"SELECT replace(name_en, 'a', 'b') FROM provinces",
		"SELECT strftime(current_date, '%Y')"
	])('%s', (sql) => {
		const r = guardSql(sql);
		expect(r.ok, JSON.stringify(r)).toBe(true);
	});

	it('returns the statement without comments or the trailing semicolon, and its kind', () => {
		expect(guardSql('SELECT 1; -- done')).toEqual({ ok: true, sql: 'SELECT 1', kind: 'select' });
		expect(guardSql('/* a */ DESCRIBE provinces;')).toMatchObject({
			ok: true,
			sql: 'DESCRIBE provinces',
			kind: 'describe'
		});
		expect(guardSql("SELECT '--not a comment'")).toMatchObject({ sql: "SELECT '--not a comment'" });
	});
});

describe('guardSql refuses', () => {
	it.each([
		['DROP TABLE provinces', 'forbidden', 'DROP'],
		['drop table provinces', 'forbidden', 'DROP'],
		['INSTALL httpfs', 'forbidden', 'INSTALL'],
		['LOAD httpfs', 'forbidden', 'LOAD'],
		['DELETE FROM provinces', 'forbidden', 'DELETE'],
		['INSERT INTO provinces VALUES (1)', 'forbidden', 'INSERT'],
		["UPDATE provinces SET name_th = 'x'", 'forbidden', 'UPDATE'],
		['CREATE TABLE x AS SELECT 1', 'forbidden', 'CREATE'],
		['ALTER TABLE provinces RENAME TO p', 'forbidden', 'ALTER'],
		["COPY provinces TO 'x.csv'", 'forbidden', 'COPY'],
		["ATTACH 'x.db'", 'forbidden', 'ATTACH'],
		['SET threads = 4', 'forbidden', 'SET'],
		["EXPORT DATABASE 'x'", 'forbidden', 'EXPORT'],
		["IMPORT DATABASE 'x'", 'forbidden', 'IMPORT'],
		['CALL pragma_version()', 'forbidden', 'CALL'],
		['EXPLAIN DELETE FROM provinces', 'forbidden', 'DELETE'],
		['WITH x AS (DELETE FROM provinces RETURNING *) SELECT * FROM x', 'forbidden', 'DELETE'],
		['SELECT 1; DROP TABLE provinces', 'multiple', undefined],
		['SELECT 1;DROP TABLE provinces;', 'multiple', undefined],
		['SELECT 1; SELECT 2', 'multiple', undefined],
		['/* x */ ; SELECT 1', 'multiple', undefined],
		['TRUNCATE provinces', 'forbidden', 'TRUNCATE'],
		['BEGIN TRANSACTION', 'forbidden', 'BEGIN'],
		['CHECKPOINT', 'forbidden', 'CHECKPOINT'],
		['VACUUM', 'forbidden', 'VACUUM'],
		['PRAGMA enable_profiling', 'pragma', 'enable_profiling'],
		["PRAGMA memory_limit='1GB'", 'pragma', 'memory_limit'],
		['ANALYZE', 'not_read_only', 'ANALYZE'],
		['FOO BAR', 'not_read_only', 'FOO'],
		['(DESCRIBE provinces)', 'not_read_only', 'DESCRIBE'],
		["SELECT * FROM read_csv('https://example.org/x.csv')", 'file_access', 'read_csv'],
		["SELECT * FROM READ_PARQUET('x.parquet')", 'file_access', 'READ_PARQUET'],
		["SELECT * FROM 'https://example.org/x.csv'", 'file_access', "'…'"],
		["SELECT * FROM provinces, 'x.csv'", 'file_access', "'…'"],
		["SELECT * FROM provinces p JOIN 'x.parquet' USING (province_code)", 'file_access', "'…'"],
		["FROM 'x.csv'", 'file_access', "'…'"],
		["DESCRIBE 'x.csv'", 'file_access', "'…'"],
		["SELECT * FROM glob('*')", 'file_access', 'glob'],
		["SELECT * FROM query('DROP TABLE provinces')", 'file_access', 'query']
	])('%s', (sql, reason, word) => {
		const r = refusal(sql);
		expect(r, sql).not.toBeNull();
		expect(r!.reason).toBe(reason);
		if (word) expect((r as { word: string }).word).toBe(word);
	});

	it('refuses empty and unterminated input', () => {
		expect(refusal('')?.reason).toBe('empty');
		expect(refusal('  ;; -- nothing')?.reason).toBe('empty');
		expect(refusal("SELECT 'abc")).toEqual({ ok: false, reason: 'unterminated', what: 'string' });
		expect(refusal('SELECT "abc')).toEqual({ ok: false, reason: 'unterminated', what: 'identifier' });
		expect(refusal('SELECT 1 /* abc')).toEqual({ ok: false, reason: 'unterminated', what: 'comment' });
		expect(refusal('SELECT $$ abc')?.reason).toBe('unterminated');
		expect(refusal(null as unknown as string)?.reason).toBe('empty');
	});

	it('finds forbidden words hidden by comment and string tricks', () => {
		expect(ok("SELECT 'a'';DROP TABLE x;--'")).toBe(true);
		expect(refusal("SELECT 'a''';DROP TABLE x;--'")?.reason).toBe('multiple');
		expect(refusal("SELECT 'a''' ; DROP TABLE x")?.reason).toBe('multiple');
		expect(refusal('SELECT 1 /* nested /* */ DROP TABLE x */; DROP TABLE y')?.reason).toBe('multiple');
		expect(refusal('SELECT 1 --\n; DROP TABLE x')?.reason).toBe('multiple');
		expect(refusal('SeLeCt 1;\n\tdRoP\ttable x')?.reason).toBe('multiple');
		expect(refusal('DROP/**/TABLE x')?.reason).toBe('forbidden');
	});
});

describe('limitedSql', () => {
	it('wraps SELECT-like statements in a limit one above the cap, leaves the others', () => {
		const s = guardSql('SELECT * FROM provinces -- all');
		expect(s.ok && limitedSql(s, 100)).toBe('SELECT * FROM (\nSELECT * FROM provinces\n) AS __console LIMIT 101');
		const d = guardSql('DESCRIBE provinces');
		expect(d.ok && limitedSql(d, 100)).toBe('DESCRIBE provinces');
	});
});
