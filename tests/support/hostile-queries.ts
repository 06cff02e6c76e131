/**
 * Random and hostile URL query strings, from a seeded generator (the same list on every run): the
 * app's own parameters with garbage values, huge values, unicode, broken `%` sequences, prototype
 * keys, repeated ("array") keys and markup. Shared by the URL parser's unit test and the browser test.
 */

/** A small, fast, seedable PRNG (mulberry32). */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const VIEW_KEYS = [
	'lang',
	'issue',
	'indicator',
	'year',
	'region',
	'zone',
	'province',
	'method',
	'classes',
	'scheme',
	'types',
	'network',
	'status',
	'measure',
	'colour',
	'project'
];

const ODD_KEYS = [
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'hasOwnProperty',
	'__proto__[lang]',
	'lang[]',
	'zone[0]',
	'x-sveltekit-invalidated',
	'',
	'%',
	'<script>',
	'ก'
];

const VALID = [
	'en',
	'th',
	'road_death_rate',
	'road_deaths',
	'smoking_prevalence',
	'road_safety',
	'tobacco',
	'2023',
	'2566',
	'northeast',
	'10',
	'40',
	'jenks',
	'4',
	'blues',
	'ngo,academic',
	'active',
	'budget_per_capita',
	'issue',
	'60-ข-087'
];

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
export const HOSTILE_TITLE = '"><script>alert(1)</script>';

const GARBAGE = [
	HOSTILE_NAME,
	HOSTILE_TITLE,
	'<svg onload=alert(1)>',
	'javascript:alert(1)',
	"'; DROP TABLE provinces; --",
	'{"lang":"en"}',
	'[1,2,3]',
	'null',
	'undefined',
	'NaN',
	'Infinity',
	'-0',
	'1e400',
	'0x0a',
	' 10 ',
	'10\n',
	'10\u0000',
	'\u202ene',
	'\u200b10',
	'😀',
	'ข้อมูล',
	'𝟏𝟎',
	'１０',
	'..%2F..%2Fetc%2Fpasswd',
	'%',
	'%%',
	'%zz',
	'%E0%A4%A',
	'%C0%AF',
	'%ED%A0%80',
	'%00',
	'%0d%0aSet-Cookie:x=1',
	'%3Cscript%3Ealert(1)%3C%2Fscript%3E',
	'%253Cscript%253E',
	'+',
	'&',
	'=',
	'#',
	'?',
	'__proto__',
	'constructor'
];

/** Raw characters for random noise (not encoded: the browser and URLSearchParams deal with them). */
const NOISE = 'abcxyz0123456789=&%?#<>"\'`;:/\\ +กขค😀\u0301[]{}()';

/** A string made of `n` random pieces of `pool`. */
const pick = <T>(random: () => number, pool: readonly T[]): T => pool[Math.floor(random() * pool.length)];

function value(random: () => number, maxLength: number): string {
	const r = random();
	if (r < 0.2) return pick(random, VALID);
	if (r < 0.55) return pick(random, GARBAGE);
	if (r < 0.65) {
		// Huge: a valid value repeated, or noise, up to maxLength.
		const unit = pick(random, [...VALID, 'x', '%41', 'ก']);
		return unit.repeat(Math.max(1, Math.floor((random() * maxLength) / unit.length)));
	}
	if (r < 0.8) return encodeURIComponent(pick(random, GARBAGE));
	return Array.from({ length: Math.floor(random() * 40) }, () => pick(random, [...NOISE])).join('');
}

function key(random: () => number): string {
	const r = random();
	if (r < 0.75) return pick(random, VIEW_KEYS);
	if (r < 0.9) return pick(random, ODD_KEYS);
	return Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(random, [...NOISE])).join('');
}

/**
 * `count` query strings (without the leading "?"), each at most about `maxLength` characters
 * (a static server refuses request lines over its header limit, typically 8–16 kB).
 */
export function hostileQueries(count: number, { seed = 8, maxLength = 6000 } = {}): string[] {
	const random = prng(seed);
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		const parts: string[] = [];
		const n = 1 + Math.floor(random() * 6);
		for (let j = 0; j < n; j++) {
			const k = key(random);
			const r = random();
			// Sometimes a key alone, or repeated like an array.
			if (r < 0.08) parts.push(k);
			else if (r < 0.16) parts.push(`${k}=${value(random, 50)}`, `${k}=${value(random, 50)}`);
			else parts.push(`${k}=${value(random, maxLength / n)}`);
		}
		const separator = random() < 0.9 ? '&' : pick(random, ['&&', ';', '&amp;']);
		out.push(parts.join(separator).slice(0, maxLength));
	}
	return out;
}
