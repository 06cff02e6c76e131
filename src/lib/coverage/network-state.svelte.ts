/**
 * The networks page's state, apart from its layout: the network chosen in the URL, its provinces and
 * roles, events, partners and projects (one question per network, through a QueryClient that drops
 * an answer for a network no longer chosen), the map's layers and the tables and exports made of
 * them. No markup: NetworkView.svelte lays it out and calls `askDetail` in an effect (a class: its $state and $derived
 * fields are the page's reactive values, read as properties);
 * network-state.test.ts runs it in Node.
 */
import type { TableData } from '$lib/core/table';
import type { NetworkDetail } from '$lib/data/coverage-files';
import { QueryClient } from '$lib/data/query-client.svelte';

export type { NetworkDetail };
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

/** A province with no role in the network (never drawn: such provinces are dimmed instead). */
const NO_ROLE_COLOUR = '#cccccc';

/** The networks page's state for the view `getView()` returns (the URL's, on the page). */
export class NetworkState {
	readonly #getView: () => ViewState;
	readonly #source: CoverageSource;
	readonly #firstView: FirstView;
	readonly #details: QueryClient<NetworkDetail>;

	view = $derived.by(() => this.#getView());
	lang = $derived(this.view.lang);
	t = (key: MessageKey, vars?: Record<string, string | number>) => translate(this.lang, key, vars);

	/** The networks and their details can be read (the build's files, or DuckDB where the user's files are kept). */
	ready = $derived.by(() => this.#source.data !== null);
	networks = $derived.by(() => this.#source.networks);
	failure = $derived.by(() => this.#source.failure);
	hovered = $state<string | null>(null);

	/** The network in the URL, or the first one listed. */
	network = $derived(this.networks.find((n) => n.network_id === this.view.network) ?? this.networks[0] ?? null);
	/** The chosen network's detail; the previous network's stays until the new one's answer is there. */
	detail = $derived.by(() => this.#details.answer?.value ?? null);
	/** The detail shown is the chosen network's (exports wait until it is). */
	current = $derived(!!this.network && this.detail?.id === this.network.network_id);

	#byCode = $derived.by(() => new Map(this.#firstView.snapshot.provinces.map((p) => [p.province_code, p])));
	/** Each province's strongest role in the network. */
	roleOf = $derived(strongestRoles(this.detail?.roles ?? []));
	layers: ChoroplethLayers = $derived.by(() => ({
		colours: new Map([...this.roleOf].map(([code, role]) => [code, NETWORK_ROLE_COLOURS[role] ?? NO_ROLE_COLOUR])),
		noData: new Set(),
		dimmed: new Set(this.#firstView.snapshot.provinces.map((p) => p.province_code).filter((c) => !this.roleOf.has(c))),
		highlighted: this.hovered,
		selected: null,
		focus: [...this.roleOf.keys()],
		zone: null
	}));

	rolesTable: TableData = $derived({
		columns: [
			{ key: 'province', label: this.t('table_province') },
			{ key: 'role', label: this.t('network_role') },
			{ key: 'note', label: this.t('data_caveat') }
		],
		rows: (this.detail?.roles ?? []).map((r) => ({
			key: `${r.province_code}:${r.role}`,
			cells: {
				province: this.nameOf(r.province_code),
				role: this.t(`role_${r.role}`),
				note: (this.lang === 'th' ? r.note_th : r.note_en) ?? ''
			}
		}))
	});
	projectsTable: TableData = $derived({
		columns: [
			{ key: 'code', label: this.t('project_code') },
			{ key: 'title', label: this.t('kind_project') },
			{ key: 'province', label: this.t('table_province') },
			{ key: 'status', label: this.t('project_status') }
		],
		rows: (this.detail?.projects ?? []).map((p) => ({
			key: p.project_code,
			cells: {
				code: p.project_code,
				title: `${p.title_th}${p.is_sample ? ` (${this.t('sample_badge')})` : ''}`,
				province: this.nameOf(p.province_code),
				status: this.t(`status_${p.status}`)
			}
		}))
	});
	partnersTable: TableData = $derived({
		columns: [
			{ key: 'id', label: 'ID' },
			{ key: 'name', label: this.t('kind_partner') },
			{ key: 'type', label: this.t('filter_partner_types') },
			{ key: 'province', label: this.t('table_province') }
		],
		rows: (this.detail?.partners ?? []).map((p) => ({
			key: p.partner_id,
			cells: {
				id: p.partner_id,
				name: this.lang === 'en' && p.name_en ? p.name_en : p.name_th,
				type: this.t(`ptype_${p.partner_type}`),
				province: this.nameOf(p.province_code)
			}
		}))
	});
	projectsExport = $derived(
		this.#listExport(
			'network-projects',
			this.t('network_projects', { count: this.projectsTable.rows.length }),
			this.projectsTable
		)
	);
	partnersExport = $derived(
		this.#listExport(
			'network-partners',
			this.t('network_partners', { count: this.partnersTable.rows.length }),
			this.partnersTable
		)
	);

	constructor(firstView: FirstView, getView: () => ViewState, source: CoverageSource) {
		this.#firstView = firstView;
		this.#getView = getView;
		this.#source = source;
		this.#details = new QueryClient<NetworkDetail>((e) => source.fail(e));
	}

	/** Opens the database with the partners and projects the page lists (the page calls it once mounted). */
	open(): void {
		this.#source.open(undefined, NETWORK_TABLES);
	}

	/** A province's name in the page's language (its code when unknown). */
	nameOf = (code: string): string => {
		const province = this.#byCode.get(code);
		return province ? localized(province, 'name', this.lang) : code;
	};

	/** Asks for the chosen network's detail (in an effect: again when another network is chosen). */
	askDetail(): Promise<void> | undefined {
		const [data, network] = [this.#source.data, this.network];
		if (!data || !network) return;
		const id = network.network_id;
		return this.#details.ask(id, () => data.networkDetail(id));
	}

	/** A list exported like every view: CSV, Parquet, SVG and PNG of the table, with the network's citation. */
	#listExport(id: string, title: string, table: TableData) {
		const { lang, network } = this;
		const cited = sourcesById(this.#firstView.snapshot.sources, NETWORK_SOURCE_IDS);
		return tableExportable({
			id,
			lang,
			title,
			subtitle: network ? localized(network, 'name', lang) : '',
			filename: fileStem('phakhi-atlas', id, network?.network_id, lang),
			footnotes: [
				...(network ? [`${this.t('network_source')}: ${network.source_citation}`] : []),
				...cited.map((s) => sourceFootnote(lang, s))
			],
			sampleNotice: this.t('sample_notice'),
			sources: cited,
			table
		});
	}
}
