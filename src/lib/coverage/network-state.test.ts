/**
 * The networks page's state without a browser: the real exports in DuckDB (Node), a view state
 * standing in for the URL, the detail asked as the page's effect asks it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from '$lib/data/atlas-db';
import { NodeConnector } from '$lib/data/node-connector';
import { takeSnapshot, type FirstView } from '$lib/data/snapshot';
import { DEFAULT_VIEW, type ViewState } from '$lib/filters/url-state';
import { NETWORK_ROLE_COLOURS, strongestRoles } from './categories';
import { COVERAGE_TABLES } from './coverage-filter';
import { opened, testSource } from './coverage-source.test-support';
import { NetworkState } from './network-state.svelte';

const dir = join(process.cwd(), 'static/data');
const readFile = async (f: string) => new Uint8Array(readFileSync(join(dir, f)));
let db: AtlasDb;
let firstView: FirstView;

beforeAll(async () => {
	db = await AtlasDb.open(await NodeConnector.open(), readFile);
	await db.ensureTables(COVERAGE_TABLES);
	const snapshot = JSON.parse(JSON.stringify(await takeSnapshot(db, [])));
	firstView = { snapshot, outline: { width: 10, height: 10, paths: [], zones: [] } } as FirstView;
});

afterAll(() => db?.close());

async function networkOpened(patch: Partial<ViewState> = {}) {
	const view = { current: { ...DEFAULT_VIEW, ...patch } };
	const state = new NetworkState(firstView, () => view.current, testSource(db));
	await opened(state);
	return { state, view };
}

describe('strongest roles', () => {
	it("keeps each province's strongest role: pilot over target over working group over member", () => {
		const roles = strongestRoles([
			{ province_code: '40', role: 'member' },
			{ province_code: '40', role: 'pilot' },
			{ province_code: '41', role: 'working_group' },
			{ province_code: '41', role: 'target' },
			{ province_code: '42', role: 'member' }
		]);
		expect(Object.fromEntries(roles)).toEqual({ '40': 'pilot', '41': 'target', '42': 'member' });
	});
});

describe('network state', () => {
	it('chooses the first network when the URL names none, and shows nothing until its answer is there', async () => {
		const { state } = await networkOpened();
		expect(state.networks.length).toBeGreaterThan(1);
		expect(state.network?.network_id).toBe(state.networks[0].network_id);
		expect(state.detail).toBeNull();
		expect(state.current).toBe(false);
		await state.askDetail();
		expect(state.current).toBe(true);
		expect(state.detail?.id).toBe(state.networks[0].network_id);
	});

	it("colours each of the network's provinces by its strongest role and dims the others", async () => {
		const { state } = await networkOpened();
		await state.askDetail();
		const roles = await db.coverage.networkProvinces(state.network!.network_id);
		expect(roles.length).toBeGreaterThan(0);
		const strongest = strongestRoles(roles);
		expect(state.layers.focus.sort()).toEqual([...strongest.keys()].sort());
		for (const [code, role] of strongest) expect(state.layers.colours.get(code)).toBe(NETWORK_ROLE_COLOURS[role]);
		expect(state.layers.dimmed.size).toBe(77 - strongest.size);
		expect(state.rolesTable.rows.length).toBe(roles.length);
	});

	it("lists the chosen network's projects and partners in the language of the URL", async () => {
		const { state, view } = await networkOpened();
		const id = state.networks[1].network_id;
		view.current = { ...view.current, network: id };
		await state.askDetail();
		const projects = await db.coverage.networkProjects(id);
		expect(state.projectsTable.rows.map((r) => r.key)).toEqual(projects.map((p) => p.project_code));
		const th = state.projectsTable.rows.map((r) => r.cells.status);
		view.current = { ...view.current, lang: 'en' };
		const en = state.projectsTable.rows.map((r) => r.cells.status);
		expect(projects.length).toBeGreaterThan(0);
		expect(en).not.toEqual(th);
		expect(en.every((status) => /^[A-Za-z ]+$/.test(status))).toBe(true);
		expect(state.projectsExport.filename).toBe(`phakhi-atlas_network-projects_${id.replaceAll('_', '-')}_en`);
	});

	it("keeps the previous network's lists, marked as not current (exports wait), until the new network's answer", async () => {
		const { state, view } = await networkOpened();
		await state.askDetail();
		const [a, b] = state.networks.map((n) => n.network_id);
		view.current = { ...view.current, network: b };
		expect(state.detail?.id).toBe(a);
		expect(state.current).toBe(false);
		await state.askDetail();
		expect(state.detail?.id).toBe(b);
		expect(state.current).toBe(true);
	});
});
