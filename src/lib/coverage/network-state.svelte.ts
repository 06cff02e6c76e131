/**
 * The networks page's state, apart from its layout: the network chosen in the URL, its provinces and
 * roles, events, partners and projects (one question per network, through a QueryClient that drops
 * an answer for a network no longer chosen), the map's layers and the tables and exports made of
 * them. No markup: NetworkView.svelte lays it out and calls `askDetail` in an effect;
 * network-state.test.ts runs it in Node.
 */
import type { NetworkEventRow, NetworkProvinceRow, PartnerRow, ProjectRow } from '$lib/core/domain';
import type { TableData } from '$lib/core/table';
import { QueryClient } from '$lib/data/query-client.svelte';
import type { FirstView } from '$lib/data/snapshot';
import { fileStem, sourcesById } from '$lib/export/exportable';
import { sourceFootnote, tableExportable } from '$lib/export/views';
import type { ViewState } from '$lib/filters/url-state';
import { localized, translate, type MessageKey } from '$lib/i18n';
import type { ChoroplethLayers } from '$lib/map/layers';
import { NETWORK_ROLE_COLOURS, strongestRoles } from './categories';
import { NETWORK_SOURCE_IDS } from './coverage-exports';
import { NETWORK_TABLES } from './coverage-filter';
import type { CoverageSource } from './coverage-source.svelte';

/** What the page shows of one network. */
export interface NetworkDetail {
	id: string;
	roles: NetworkProvinceRow[];
	events: NetworkEventRow[];
	partners: PartnerRow[];
	projects: ProjectRow[];
}

/** A province with no role in the network (never drawn: such provinces are dimmed instead). */
const NO_ROLE_COLOUR = '#cccccc';

export type NetworkState = ReturnType<typeof createNetworkState>;

/** The networks page's state for the view `getView()` returns (the URL's, on the page). */
export function createNetworkState(firstView: FirstView, getView: () => ViewState, source: CoverageSource) {
	const { provinces, sources } = firstView.snapshot;

	let view = $derived(getView());
	let lang = $derived(view.lang);
	const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);

	let db = $derived(source.db);
	let networks = $derived(source.networks);
	let hovered = $state<string | null>(null);

	/** The network in the URL, or the first one listed. */
	let network = $derived(networks.find((n) => n.network_id === view.network) ?? networks[0] ?? null);
	const details = new QueryClient<NetworkDetail>((e) => source.fail(e));
	/** The chosen network's detail; the previous network's stays until the new one's answer is there. */
	let detail = $derived(details.answer?.value ?? null);
	/** The detail shown is the chosen network's (exports wait until it is). */
	let current = $derived(!!network && detail?.id === network.network_id);

	/** Asks for the chosen network's detail (in an effect: again when another network is chosen). */
	function askDetail(): Promise<void> | undefined {
		if (!db || !network) return;
		const id = network.network_id;
		const q = db.coverage;
		return details.ask(id, async () => {
			const [roles, events, partners, projects] = await Promise.all([
				q.networkProvinces(id),
				q.networkEvents(id),
				q.networkPartners(id),
				q.networkProjects(id)
			]);
			return { id, roles, events, partners, projects };
		});
	}

	let byCode = $derived(new Map(provinces.map((p) => [p.province_code, p])));
	const nameOf = (code: string) => {
		const province = byCode.get(code);
		return province ? localized(province, 'name', lang) : code;
	};
	let roleOf = $derived(strongestRoles(detail?.roles ?? []));
	let layers: ChoroplethLayers = $derived({
		colours: new Map([...roleOf].map(([code, role]) => [code, NETWORK_ROLE_COLOURS[role] ?? NO_ROLE_COLOUR])),
		noData: new Set(),
		dimmed: new Set(provinces.map((p) => p.province_code).filter((c) => !roleOf.has(c))),
		highlighted: hovered,
		selected: null,
		focus: [...roleOf.keys()],
		zone: null
	});

	let rolesTable: TableData = $derived({
		columns: [
			{ key: 'province', label: t('table_province') },
			{ key: 'role', label: t('network_role') },
			{ key: 'note', label: t('data_caveat') }
		],
		rows: (detail?.roles ?? []).map((r) => ({
			key: `${r.province_code}:${r.role}`,
			cells: {
				province: nameOf(r.province_code),
				role: t(`role_${r.role}`),
				note: (lang === 'th' ? r.note_th : r.note_en) ?? ''
			}
		}))
	});
	let projectsTable: TableData = $derived({
		columns: [
			{ key: 'code', label: t('project_code') },
			{ key: 'title', label: t('kind_project') },
			{ key: 'province', label: t('table_province') },
			{ key: 'status', label: t('project_status') }
		],
		rows: (detail?.projects ?? []).map((p) => ({
			key: p.project_code,
			cells: {
				code: p.project_code,
				title: `${p.title_th}${p.is_sample ? ` (${t('sample_badge')})` : ''}`,
				province: nameOf(p.province_code),
				status: t(`status_${p.status}`)
			}
		}))
	});
	let partnersTable: TableData = $derived({
		columns: [
			{ key: 'id', label: 'ID' },
			{ key: 'name', label: t('kind_partner') },
			{ key: 'type', label: t('filter_partner_types') },
			{ key: 'province', label: t('table_province') }
		],
		rows: (detail?.partners ?? []).map((p) => ({
			key: p.partner_id,
			cells: {
				id: p.partner_id,
				name: lang === 'en' && p.name_en ? p.name_en : p.name_th,
				type: t(`ptype_${p.partner_type}`),
				province: nameOf(p.province_code)
			}
		}))
	});

	/** A list exported like every view: CSV, Parquet, SVG and PNG of the table, with the network's citation. */
	function listExport(id: string, title: string, table: TableData) {
		const cited = sourcesById(sources, NETWORK_SOURCE_IDS);
		return tableExportable({
			id,
			lang,
			title,
			subtitle: network ? localized(network, 'name', lang) : '',
			filename: fileStem('phakhi-atlas', id, network?.network_id, lang),
			footnotes: [
				...(network ? [`${t('network_source')}: ${network.source_citation}`] : []),
				...cited.map((s) => sourceFootnote(lang, s))
			],
			sampleNotice: t('sample_notice'),
			sources: cited,
			table
		});
	}
	let projectsExport = $derived(
		listExport('network-projects', t('network_projects', { count: projectsTable.rows.length }), projectsTable)
	);
	let partnersExport = $derived(
		listExport('network-partners', t('network_partners', { count: partnersTable.rows.length }), partnersTable)
	);

	return {
		get view() {
			return view;
		},
		get lang() {
			return lang;
		},
		get t() {
			return t;
		},
		get db() {
			return db;
		},
		get networks() {
			return networks;
		},
		get failure() {
			return source.failure;
		},
		get network() {
			return network;
		},
		get detail() {
			return detail;
		},
		get current() {
			return current;
		},
		get hovered() {
			return hovered;
		},
		set hovered(code: string | null) {
			hovered = code;
		},
		get roleOf() {
			return roleOf;
		},
		get layers() {
			return layers;
		},
		get rolesTable() {
			return rolesTable;
		},
		get projectsTable() {
			return projectsTable;
		},
		get partnersTable() {
			return partnersTable;
		},
		get projectsExport() {
			return projectsExport;
		},
		get partnersExport() {
			return partnersExport;
		},
		nameOf,
		askDetail,
		open: () => source.open(undefined, NETWORK_TABLES)
	};
}
