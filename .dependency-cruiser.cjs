/**
 * The app's layers, checked on every `npm test` (`npm run lint:layers`; docs/architecture.md draws them).
 *
 *   core                      domain types and constants; imports nothing of the app
 *   i18n, config, icons       the message catalogue and formatting, runtime configuration, symbols
 *   data                      the query module: the only code that talks to DuckDB
 *   filters                   view state in the URL
 *   map, charts (renderers)   draw what they are given: never the URL state, never the database
 *   export                    the one export mechanism the views plug into
 *   explorer, coverage, profile, brief, upload (features): never each other
 *   server, share, routes     build-time loaders, link previews, pages: put the features together
 *
 * Test files may reach across (a renderer's test builds its input with the real query module); they
 * are held to no cycles only.
 */
const FEATURES = 'explorer|coverage|profile|brief|upload';
const TOP = 'server|share';
const notTest = '\\.test\\.ts$';

/** A rule that files under `from` import nothing under `to`. */
const forbid = (name, comment, from, to, extra = {}) => ({
	name,
	comment,
	severity: 'error',
	from: { path: `^src/lib/(${from})/`, pathNot: notTest, ...(extra.from ?? {}) },
	to: { path: to, ...(extra.to ?? {}) }
});

module.exports = {
	forbidden: [
		{
			name: 'no-cycles',
			comment: 'A module may not import itself through others: data flows one way.',
			severity: 'error',
			from: {},
			to: { circular: true }
		},
		forbid('core-imports-nothing', 'core is the bottom layer: domain types and constants, nothing of the app.', 'core', '^src/', {
			to: { pathNot: '^src/lib/core/' }
		}),
		forbid('i18n-config-icons-import-only-core', 'The catalogue, configuration and symbols sit just above core.', 'i18n|config|icons', '^src/', {
			to: { pathNot: '^src/lib/(core|$1)/' }
		}),
		forbid(
			'data-imports-only-core',
			'The query module knows the domain (core) and the runtime configuration (config: the key that says whether the browser keeps user files), nothing above.',
			'data',
			'^src/',
			{ to: { pathNot: '^src/lib/(core|config|data)/' } }
		),
		forbid('filters-stay-below-data', 'URL state is plain values: core, the catalogue, the deployment\'s defaults (config) and the filter widgets.', 'filters', '^src/', {
			to: { pathNot: '^src/lib/(core|i18n|icons|config|filters)/' }
		}),
		forbid(
			'renderers-take-props',
			'Renderers (map, charts) draw what they are given: never the URL state, the database or anything above them.',
			'map|charts',
			'^src/',
			{ to: { pathNot: '^src/lib/(core|i18n|icons|config|map|charts)/' } }
		),
		forbid('export-below-features', 'The export mechanism serves every feature and knows none of them, nor the URL state.', 'export', `^src/(routes/|lib/(filters|${FEATURES}|${TOP})/)`),
		forbid('features-never-import-each-other', 'A feature imports data, core and the shared renderers, never another feature.', FEATURES, `^src/lib/(${FEATURES})/`, {
			to: { pathNot: '^src/lib/$1/' }
		}),
		forbid('nothing-imports-pages', 'Pages (routes) and the build-time layer (server, share) are the top: nothing in lib imports them.', `core|i18n|config|icons|data|filters|map|charts|export|${FEATURES}`, `^src/(routes/|lib/(${TOP})/)`),
		{
			name: 'one-door-to-duckdb',
			comment:
				'Only the query module holds a connector (the upload pipeline asks AtlasDb.uploads, typed methods with bound values); the benchmark\'s baseline page measures the bare connector on purpose.',
			severity: 'error',
			from: { path: '^src/', pathNot: ['^src/lib/data/', notTest, '^src/routes/bench/baseline/'] },
			to: { path: '^src/lib/data/(connector|node-connector|wasm-connector)\\.ts$' }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '^src/lib/.*\\.d\\.ts$' },
		tsPreCompilationDeps: true,
		// tsconfig.layers.json adds $lib to the project's tsconfig (SvelteKit's own paths are relative to .svelte-kit).
		tsConfig: { fileName: 'tsconfig.layers.json' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types', 'svelte']
		},
		reporterOptions: { text: { highlightFocused: true } }
	}
};
