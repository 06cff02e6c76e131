/**
 * The SQL console's gate: one read-only statement, nothing that changes data, loads extensions,
 * changes settings or reads files and URLs. The text is tokenised first (string literals, quoted
 * names and comments are skipped properly), so a forbidden word inside a string is harmless and
 * one after a semicolon or in a comment trick is still found. The engine adds its own guard
 * (a separate connection in a transaction that is always rolled back): see AtlasDb.readOnlyQuery.
 */

export type GuardRefusal =
	| { reason: 'empty' }
	| { reason: 'unterminated'; what: 'string' | 'identifier' | 'comment' }
	| { reason: 'multiple' }
	| { reason: 'not_read_only'; word: string }
	| { reason: 'forbidden'; word: string }
	| { reason: 'file_access'; word: string }
	| { reason: 'pragma'; word: string };

export type GuardResult = { ok: true; sql: string; kind: StatementKind } | ({ ok: false } & GuardRefusal);

/** SELECT-like statements can be wrapped in a row limit; the others are run as they are. */
export type StatementKind = 'select' | 'describe' | 'show' | 'summarize' | 'explain' | 'pragma';

const FIRST_WORDS: Record<string, StatementKind> = {
	SELECT: 'select',
	WITH: 'select',
	FROM: 'select',
	VALUES: 'select',
	TABLE: 'select',
	DESCRIBE: 'describe',
	DESC: 'describe',
	SHOW: 'show',
	SUMMARIZE: 'summarize',
	EXPLAIN: 'explain',
	PRAGMA: 'pragma'
};

/** Words that change data, schema, settings or the engine, wherever they appear outside strings. */
export const FORBIDDEN_WORDS = new Set([
	'INSERT',
	'UPDATE',
	'DELETE',
	'DROP',
	'CREATE',
	'ALTER',
	'COPY',
	'ATTACH',
	'DETACH',
	'INSTALL',
	'LOAD',
	'SET',
	'RESET',
	'EXPORT',
	'IMPORT',
	'CALL',
	'TRUNCATE',
	'VACUUM',
	'CHECKPOINT',
	'USE',
	'BEGIN',
	'COMMIT',
	'ROLLBACK',
	'ABORT',
	'TRANSACTION',
	'GRANT',
	'REVOKE',
	'MERGE',
	'UPSERT',
	'PREPARE',
	'EXECUTE',
	'DEALLOCATE',
	'SECRET'
]);

/** Table functions that read files or URLs (or run SQL given as text); a console query may not call them. */
export const FILE_FUNCTIONS = new Set([
	'read_csv',
	'read_csv_auto',
	'read_parquet',
	'parquet_scan',
	'parquet_metadata',
	'parquet_schema',
	'parquet_file_metadata',
	'parquet_kv_metadata',
	'parquet_bloom_probe',
	'read_json',
	'read_json_auto',
	'read_json_objects',
	'read_json_objects_auto',
	'read_ndjson',
	'read_ndjson_auto',
	'read_ndjson_objects',
	'read_text',
	'read_blob',
	'read_xlsx',
	'glob',
	'sniff_csv',
	'query',
	'query_table',
	'iceberg_scan',
	'delta_scan',
	'sqlite_scan',
	'sqlite_attach',
	'postgres_scan',
	'mysql_scan',
	'st_read',
	'load_extension',
	'http_get',
	'http_post'
]);

/** PRAGMAs that only report. */
const PRAGMAS = new Set([
	'TABLE_INFO',
	'SHOW',
	'SHOW_TABLES',
	'SHOW_TABLES_EXPANDED',
	'DATABASE_LIST',
	'DATABASE_SIZE',
	'VERSION',
	'PLATFORM',
	'STORAGE_INFO',
	'FUNCTIONS'
]);

type Token =
	| { type: 'word'; text: string; upper: string }
	| { type: 'string' }
	| { type: 'ident'; text: string }
	| { type: 'symbol'; text: string };

interface Lexed {
	tokens: Token[];
	/** The text without comments (string literals untouched). */
	clean: string;
}

function lex(sql: string): Lexed | { reason: 'unterminated'; what: 'string' | 'identifier' | 'comment' } {
	const tokens: Token[] = [];
	let clean = '';
	let i = 0;
	const n = sql.length;
	while (i < n) {
		const c = sql[i];
		const next = sql[i + 1];
		if (c === '-' && next === '-') {
			while (i < n && sql[i] !== '\n') i++;
			clean += ' ';
			continue;
		}
		if (c === '/' && next === '*') {
			let depth = 1;
			i += 2;
			while (i < n && depth > 0) {
				if (sql[i] === '/' && sql[i + 1] === '*') (depth++, (i += 2));
				else if (sql[i] === '*' && sql[i + 1] === '/') (depth--, (i += 2));
				else i++;
			}
			if (depth > 0) return { reason: 'unterminated', what: 'comment' };
			clean += ' ';
			continue;
		}
		if (c === "'" || ((c === 'E' || c === 'e') && next === "'")) {
			const start = i;
			const escapes = c !== "'";
			i += escapes ? 2 : 1;
			let closed = false;
			while (i < n) {
				if (escapes && sql[i] === '\\') i += 2;
				else if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
				else if (sql[i] === "'") {
					i++;
					closed = true;
					break;
				} else i++;
			}
			if (!closed) return { reason: 'unterminated', what: 'string' };
			tokens.push({ type: 'string' });
			clean += sql.slice(start, i);
			continue;
		}
		if (c === '$') {
			const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
			if (tag) {
				const end = sql.indexOf(tag[0], i + tag[0].length);
				if (end < 0) return { reason: 'unterminated', what: 'string' };
				tokens.push({ type: 'string' });
				clean += sql.slice(i, end + tag[0].length);
				i = end + tag[0].length;
				continue;
			}
		}
		if (c === '"' || c === '`') {
			const start = i;
			i++;
			let text = '';
			let closed = false;
			while (i < n) {
				if (sql[i] === c && sql[i + 1] === c) ((text += c), (i += 2));
				else if (sql[i] === c) {
					i++;
					closed = true;
					break;
				} else text += sql[i++];
			}
			if (!closed) return { reason: 'unterminated', what: 'identifier' };
			tokens.push({ type: 'ident', text });
			clean += sql.slice(start, i);
			continue;
		}
		if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
			const start = i;
			while (i < n && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[i])) i++;
			const text = sql.slice(start, i);
			tokens.push({ type: 'word', text, upper: text.toUpperCase() });
			clean += text;
			continue;
		}
		if (/\s/.test(c)) {
			clean += c;
			i++;
			continue;
		}
		tokens.push({ type: 'symbol', text: c });
		clean += c;
		i++;
	}
	return { tokens, clean };
}

/** Clauses after which a string literal would be read as a file name (DuckDB's replacement scans). */
const FROM_WORDS = new Set(['FROM', 'JOIN']);
const CLAUSE_ENDS = new Set([
	'WHERE',
	'GROUP',
	'ORDER',
	'HAVING',
	'QUALIFY',
	'WINDOW',
	'LIMIT',
	'OFFSET',
	'UNION',
	'EXCEPT',
	'INTERSECT',
	'SELECT',
	'ON',
	'USING',
	'SAMPLE',
	'USING'
]);

/** Checks one statement; returns it without comments or its trailing semicolon, or why it is refused. */
export function guardSql(sql: string): GuardResult {
	if (typeof sql !== 'string') return { ok: false, reason: 'empty' };
	const lexed = lex(sql);
	if ('reason' in lexed) return { ok: false, ...lexed };
	const { tokens } = lexed;

	// One statement: semicolons only at the very end.
	const semicolons = tokens.flatMap((t, i) => (t.type === 'symbol' && t.text === ';' ? [i] : []));
	let end = tokens.length;
	while (end > 0 && tokens[end - 1].type === 'symbol' && (tokens[end - 1] as { text: string }).text === ';') end--;
	if (semicolons.some((i) => i < end)) return { ok: false, reason: 'multiple' };
	const body = tokens.slice(0, end);
	if (body.length === 0) return { ok: false, reason: 'empty' };

	// Forbidden words anywhere (not only first: after a semicolon, in a CTE, after EXPLAIN).
	for (const t of body)
		if (t.type === 'word' && FORBIDDEN_WORDS.has(t.upper)) return { ok: false, reason: 'forbidden', word: t.upper };

	// The first word says what kind of statement it is.
	const firstIndex = body.findIndex((t) => !(t.type === 'symbol' && t.text === '('));
	const first = body[firstIndex];
	if (!first || first.type !== 'word')
		return { ok: false, reason: 'not_read_only', word: first?.type === 'symbol' ? first.text : '?' };
	const kind = FIRST_WORDS[first.upper];
	if (!kind) return { ok: false, reason: 'not_read_only', word: first.upper };
	if (firstIndex > 0 && kind !== 'select') return { ok: false, reason: 'not_read_only', word: first.upper };
	if (kind === 'pragma') {
		const name = body[firstIndex + 1];
		if (!name || name.type !== 'word' || !PRAGMAS.has(name.upper))
			return { ok: false, reason: 'pragma', word: name?.type === 'word' ? name.text : '' };
		if (body.some((t) => t.type === 'symbol' && t.text === '='))
			return { ok: false, reason: 'pragma', word: name.text };
	}

	// No file or URL access: table functions that read files, and string literals used as tables.
	const clause: string[] = [''];
	for (let i = 0; i < body.length; i++) {
		const t = body[i];
		const next = body[i + 1];
		if (t.type === 'word' && next?.type === 'symbol' && next.text === '(' && FILE_FUNCTIONS.has(t.text.toLowerCase()))
			return { ok: false, reason: 'file_access', word: t.text };
		if (t.type === 'symbol' && t.text === '(') clause.push('');
		else if (t.type === 'symbol' && t.text === ')') clause.length > 1 && clause.pop();
		else if (t.type === 'word' && (FROM_WORDS.has(t.upper) || CLAUSE_ENDS.has(t.upper)))
			clause[clause.length - 1] = t.upper;
		else if (t.type === 'string') {
			const prev = body[i - 1];
			const afterTablePosition =
				(prev?.type === 'word' && FROM_WORDS.has(prev.upper)) ||
				(prev?.type === 'symbol' && prev.text === ',' && FROM_WORDS.has(clause[clause.length - 1]));
			if (
				afterTablePosition ||
				(i === firstIndex + 1 && (kind === 'describe' || kind === 'summarize' || kind === 'show'))
			)
				return { ok: false, reason: 'file_access', word: "'…'" };
		}
	}

	const clean = lexed.clean
		.trim()
		.replace(/(;\s*)+$/, '')
		.trim();
	return { ok: true, sql: clean, kind };
}

/** A SELECT-like statement wrapped so the engine stops after `maxRows + 1` rows (one more, to know it was cut). */
export function limitedSql(guarded: { sql: string; kind: StatementKind }, maxRows: number): string {
	if (guarded.kind !== 'select') return guarded.sql;
	return `SELECT * FROM (\n${guarded.sql}\n) AS __console LIMIT ${Math.max(0, Math.floor(maxRows)) + 1}`;
}
