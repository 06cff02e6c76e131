/**
 * The message catalogue against the code that uses it: no key is dead, and every family of keys made
 * from a domain list (`status_${status}`, `ptype_${type}`, …) has one key per member and no other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLASS_METHODS, COVERAGE_MEASURES, POINT_COLOURINGS, REGIONS, SCHEMES } from '$lib/core/choices';
import { NETWORK_ROLES, PARTNER_TYPES, PROJECT_STATUSES } from '$lib/core/domain';
import { EXPORT_WHATS } from '$lib/export/exportable';
import { MESSAGES } from './messages';

const keys = Object.keys(MESSAGES.en);

/** Every source file that may name a key: the app and the data build, tests left out. */
function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !path.endsWith('i18n/messages.ts')
			? [path]
			: [];
	});
}
const code = ['src', 'data/build'].flatMap((d) => sources(join(process.cwd(), d))).map((f) => readFileSync(f, 'utf8'));
const text = code.join('\n');

/** Prefixes of keys built in code: `` `ptype_${type}` ``, `` `prob_parquet_${reason}` ``, `'status_' + s`. */
const builtPrefixes = new Set(
	[...text.matchAll(/`([a-z][a-z0-9_]*_)\$\{/g), ...text.matchAll(/'([a-z][a-z0-9_]*_)'/g)].map((m) => m[1])
);

/** Strings built in code with these prefixes are ids, table names or fields, not message keys. */
const NOT_MESSAGES = ['coverage_', 'user_', 'provinces_', 'title_', 'organisation_'];

/** Families of keys made from a domain list: one key per member. */
const FAMILIES: [string, readonly string[]][] = [
	['status_', PROJECT_STATUSES],
	['ptype_', PARTNER_TYPES],
	['role_', NETWORK_ROLES],
	['region_', REGIONS],
	['method_', CLASS_METHODS],
	['legend_method_', CLASS_METHODS],
	['scheme_', SCHEMES],
	['measure_', COVERAGE_MEASURES],
	['unit_', COVERAGE_MEASURES],
	['gaps_measure_guide_', COVERAGE_MEASURES],
	['export_what_', EXPORT_WHATS],
	['colour_', POINT_COLOURINGS]
];
const familyKeys = new Set(FAMILIES.flatMap(([prefix, members]) => members.map((m) => `${prefix}${m}`)));
/** Other families the code builds (problems, refusals, notes, …): their members are checked where they are made. */
const otherPrefixes = [...builtPrefixes].filter((p) => !FAMILIES.some(([f]) => f === p) && !NOT_MESSAGES.includes(p));

describe('message catalogue', () => {
	it('has no dead key: each is named in the code, is a member of a domain family, or of another family the code builds', () => {
		const named = (key: string) => new RegExp(`['"\`]${key}['"\`]`).test(text);
		const built = (key: string) => familyKeys.has(key) || otherPrefixes.some((p) => key.startsWith(p));
		expect(keys.filter((key) => !named(key) && !built(key))).toEqual([]);
	});

	it('has a key for each member of each domain list', () => {
		expect([...familyKeys].filter((key) => !keys.includes(key))).toEqual([]);
	});
});
