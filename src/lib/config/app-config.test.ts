import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from './app-config';

const ORIGIN = 'http://127.0.0.1:4173';

describe('runtime configuration', () => {
	it('defaults to no basemap', () => {
		expect(DEFAULT_CONFIG).toEqual({ basemapStyleUrl: null });
		expect(parseConfig({ basemapStyleUrl: null }, ORIGIN)).toEqual(DEFAULT_CONFIG);
		expect(parseConfig({}, ORIGIN)).toEqual(DEFAULT_CONFIG);
	});

	it('takes an http(s) style URL, absolute or relative to the site', () => {
		expect(parseConfig({ basemapStyleUrl: 'https://tiles.example.org/styles/light.json' }, ORIGIN).basemapStyleUrl).toBe(
			'https://tiles.example.org/styles/light.json'
		);
		expect(parseConfig({ basemapStyleUrl: '/basemap/style.json' }, ORIGIN).basemapStyleUrl).toBe(
			`${ORIGIN}/basemap/style.json`
		);
	});

	it.each([
		null,
		'text',
		42,
		[],
		['https://x.org/style.json'],
		{ basemapStyleUrl: 'javascript:alert(1)' },
		{ basemapStyleUrl: 'data:application/json,{}' },
		{ basemapStyleUrl: 'file:///etc/passwd' },
		{ basemapStyleUrl: 12 },
		{ basemapStyleUrl: '' },
		{ basemapStyleUrl: `https://x.org/${'a'.repeat(5000)}` },
		JSON.parse('{"__proto__": {"basemapStyleUrl": "https://evil.example/style.json"}}')
	])('falls back to the default for %j', (raw) => {
		expect(parseConfig(raw, ORIGIN)).toEqual(DEFAULT_CONFIG);
	});
});
