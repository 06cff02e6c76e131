import { describe, expect, it } from 'vitest';
import { cspDirectives, parseOrigins } from './csp.js';

describe('the pages’ Content-Security-Policy', () => {
	it('allows nothing but the app’s own origin by default', () => {
		const d = cspDirectives();
		expect(d['default-src']).toEqual(['self']);
		expect(d['script-src']).toEqual(['self']);
		expect(d['connect-src']).toEqual(['self']);
		expect(d['img-src']).toEqual(['self', 'data:', 'blob:']);
		expect(d['object-src']).toEqual(['none']);
		expect(JSON.stringify(d)).not.toMatch(/unsafe-eval|\*/);
	});

	it('adds a basemap’s servers to what the map fetches, and only there', () => {
		const d = cspDirectives(parseOrigins(' https://tiles.example.org/styles/x.json  http://10.0.0.5:8080 '));
		expect(d['connect-src']).toEqual(['self', 'https://tiles.example.org', 'http://10.0.0.5:8080']);
		expect(d['img-src']).toContain('https://tiles.example.org');
		expect(d['script-src']).toEqual(['self']);
	});

	it.each(['tiles.example.org', 'javascript:alert(1)', "'unsafe-inline'", '*'])('refuses %s as an origin', (entry) => {
		expect(() => parseOrigins(entry)).toThrow(/PHAKHI_BASEMAP_ORIGINS/);
	});
});
