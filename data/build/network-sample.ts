/**
 * Sample partners, projects and instalments (GENERATED, not real records),
 * so that the coverage maps, gap analysis and quality report have realistic
 * data to show. Every row is flagged `is_sample = true`; the one real project
 * record (60-ข-087) comes from data/sources/networks/ instead.
 *
 * - Deterministic: every partner and project draws from its own PRNG stream,
 *   seeded from NETWORK_SAMPLE_SEED and its index, so partner i is the same
 *   whatever the total, and rows can be generated one at a time (streamed to
 *   DuckDB for the benchmark's millions of rows) without holding them.
 * - Plausible: more partners where the population is larger, denser in the
 *   networks' provinces; about a fifth of districts get no weight at all (more
 *   outside the networks' provinces), so coverage gaps exist. Points are
 *   sampled uniformly inside the stated district polygon (rejection sampling
 *   with the point-in-polygon test of data/build/quality.ts).
 * - Deliberately imperfect, so the quality report has something to find
 *   (DEFECT_RATES, the exact rows are recorded in `deliberate`): points
 *   outside their district, a district of another province, instalments that
 *   do not sum to the budget, instalment periods outside the project period,
 *   and project partner_ids that do not exist. Unknown province or district
 *   codes are never generated: the contract does not allow them.
 */
import type {
	SourceRow,
	InstalmentRow,
	NetworkProvinceRow,
	NetworkRow,
	PartnerRow,
	PartnerType,
	ProjectRow,
	ProjectStatus,
	QualityRule
} from '../../src/lib/data/contract.ts';
import { NETWORK_SAMPLE_SOURCE_ID } from '../../src/lib/data/contract.ts';
import { areaContains, type PreparedArea } from './quality.ts';
import { mulberry32 } from './synthetic.ts';

export const NETWORK_SAMPLE_SEED = 20_250_502;
export const DEFAULT_PARTNERS = 3_000;
export const DEFAULT_PROJECTS = 1_500;
/** Sample project statuses are as of this day. */
export const REFERENCE_DATE = '2025-06-30';
/** Sample project periods start between these years (CE). */
export const PROJECT_YEARS = { first: 2017, last: 2025 } as const;

export const NETWORK_SAMPLE_SOURCE: SourceRow = {
	source_id: NETWORK_SAMPLE_SOURCE_ID,
	name_th: 'ข้อมูลตัวอย่างภาคีและโครงการ (สร้างขึ้น ไม่ใช่ข้อมูลจริง)',
	name_en: 'Generated sample partners and projects (not real records)',
	publisher: 'Phakhi Atlas data build',
	url: null,
	licence: 'CC0 (generated)',
	note_th:
		'รายชื่อภาคี โครงการ และงวดเงินตัวอย่างที่โปรแกรมสร้างขึ้นจากค่าเริ่มต้นสุ่มคงที่ (data/build/network-sample.ts) เพื่อการสาธิตเท่านั้น ' +
		'ไม่ใช่องค์กรหรือโครงการจริง มีข้อผิดพลาดที่ใส่ไว้โดยเจตนาเพื่อทดสอบรายงานคุณภาพข้อมูล ห้ามนำไปอ้างอิง',
	note_en:
		'Partner organisations, projects and instalments generated from a fixed seed (data/build/network-sample.ts) for demonstration ' +
		'only; they are not real organisations or projects. A small share carries deliberate errors to exercise the data-quality ' +
		'report. Do not cite them.'
};

/** Share of rows given each deliberate defect (at least MIN_DEFECTS each). */
export const DEFECT_RATES = {
	point_outside_district: 0.005,
	province_district_mismatch: 0.002,
	instalment_sum_mismatch: 0.01,
	instalment_outside_period: 0.01,
	unknown_partner: 0.002
} as const satisfies Partial<Record<QualityRule, number>>;
export const MIN_DEFECTS = 2;

type PartnerDefect = 'point_outside_district' | 'province_district_mismatch';
type ProjectDefect = keyof typeof DEFECT_RATES;

export interface SampleProvince {
	province_code: string;
	name_th: string;
	name_en: string;
	population: number;
	health_zone: number;
}

export interface SampleDistrict {
	district_code: string;
	province_code: string;
	name_th: string;
	name_en: string;
	area: PreparedArea;
}

export interface NetworkSampleInput {
	provinces: readonly SampleProvince[];
	districts: readonly SampleDistrict[];
	networks: readonly NetworkRow[];
	networkProvinces: readonly NetworkProvinceRow[];
	/** Issue area ids in display order. */
	issueAreas: readonly string[];
	/** Codes of real projects, never reused by sample projects. */
	reservedProjectCodes?: ReadonlySet<string>;
	partners?: number;
	projects?: number;
	seed?: number;
}

export interface SampleProject {
	project: ProjectRow;
	instalments: InstalmentRow[];
}

/** The defects put in on purpose, by row key, for tests and the build log. */
export interface DeliberateDefects {
	partners: Map<string, PartnerDefect>;
	projects: Map<string, ProjectDefect[]>;
}

// ---------------------------------------------------------------------------
// Small helpers

/** Mixes seed, stream and index into a 32-bit seed (murmur3 finaliser). */
export function mixSeed(seed: number, stream: number, index: number): number {
	let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Index into cumulative weights (the last is the total). */
function pickWeighted(random: Random, cumulative: Float64Array): number {
	const x = random() * cumulative[cumulative.length - 1];
	let lo = 0;
	let hi = cumulative.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cumulative[mid] > x) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

const cumulate = (weights: readonly number[]): Float64Array => {
	const out = new Float64Array(weights.length);
	let sum = 0;
	weights.forEach((w, i) => (out[i] = sum += w));
	return out;
};

/** Standard normal, Box–Muller. */
const normal = (random: Random): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** ISO date arithmetic on whole months (UTC, no time zones). */
const isoDate = (y: number, m0: number, d: number): string => {
	const date = new Date(Date.UTC(y, m0, d));
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
};
/** First day of month `m` (0-based, may overflow) of year `y`. */
const monthStart = (y: number, m: number): string => isoDate(y, m, 1);
/** Last day of month `m` (0-based, may overflow) of year `y`. */
const monthEnd = (y: number, m: number): string => isoDate(y, m + 1, 0);

/** A point uniformly inside the area, rounded to 5 decimals (about 1 m), tested after rounding. */
export function pointIn(area: PreparedArea, random: Random): [number, number] {
	const [x0, y0, x1, y1] = area.bbox;
	for (let i = 0; i < 100_000; i++) {
		const lon = round5(x0 + random() * (x1 - x0));
		const lat = round5(y0 + random() * (y1 - y0));
		if (areaContains(area, lon, lat)) return [lon, lat];
	}
	throw new Error('could not sample a point inside a district');
}

// ---------------------------------------------------------------------------
// Names

type Place = { district: SampleDistrict; province: SampleProvince };
type Name = { th: string; en: string | null };

const districtWord = (p: Place): string => (p.province.province_code === '10' ? 'เขต' : 'อำเภอ');
const provinceTh = (p: Place): string =>
	p.province.province_code === '10' ? p.province.name_th : `จังหวัด${p.province.name_th}`;

const GROUPS = ['ผู้สูงอายุ', 'สตรี', 'เยาวชนสร้างสุข', 'อาสาสมัครสาธารณสุข', 'เกษตรอินทรีย์', 'แม่บ้าน', 'ออกกำลังกาย'];
const NETWORK_GROUPS = ['งดเหล้า', 'เยาวชนจิตอาสา', 'อาสาสมัครสาธารณสุข', 'ปลูกผักปลอดสาร', 'ลดอุบัติเหตุ'];
const ASSOCIATIONS: readonly [string, string][] = [
	['ผู้สูงอายุ', 'Older Persons'],
	['พัฒนาชุมชน', 'Community Development'],
	['สร้างเสริมสุขภาพ', 'Health Promotion'],
	['คนพิการ', 'Persons with Disabilities'],
	['เพื่อนเยาวชน', 'Friends of Youth']
];
const FOUNDATIONS: readonly [string, string][] = [
	['เพื่อการพัฒนาเด็ก', 'Child Development'],
	['รักษ์สิ่งแวดล้อม', 'Environment'],
	['ส่งเสริมสุขภาวะ', 'Well-being']
];

function partnerName(type: PartnerType, p: Place, random: Random): Name {
	const d = p.district.name_th;
	const de = p.district.name_en;
	const prov = p.province.name_th;
	const prove = p.province.name_en;
	const dw = districtWord(p);
	const bangkok = p.province.province_code === '10';
	const n = Math.floor(random() * 5);
	switch (type) {
		case 'community_group':
			return pick(random, [
				() => ({ th: `กลุ่ม${pick(random, GROUPS)}${dw}${d} หมู่ที่ ${1 + Math.floor(random() * 15)}`, en: null }),
				() => ({ th: `ชมรม${pick(random, ['ผู้สูงอายุ', 'แอโรบิก', 'จักรยาน', 'คนรักสุขภาพ'])}${dw}${d}`, en: null }),
				() => ({ th: `เครือข่าย${pick(random, NETWORK_GROUPS)}${dw}${d}`, en: null }),
				() => ({ th: `วิสาหกิจชุมชน${pick(random, ['เกษตรอินทรีย์', 'ผักปลอดสาร', 'แปรรูปอาหาร'])}${d}`, en: null })
			])();
		case 'ngo': {
			if (n < 3) {
				const [th, en] = pick(random, ASSOCIATIONS);
				return { th: `สมาคม${th}${provinceTh(p)}`, en: `${prove} ${en} Association` };
			}
			const [th, en] = pick(random, FOUNDATIONS);
			return { th: `มูลนิธิ${th}${prov}`, en: `${prove} ${en} Foundation` };
		}
		case 'academic':
			return pick(random, [
				{ th: `มหาวิทยาลัยราชภัฏ${prov}`, en: `${prove} Rajabhat University` },
				{ th: `วิทยาลัยพยาบาลบรมราชชนนี ${prov}`, en: `Boromarajonani College of Nursing, ${prove}` },
				{ th: `ศูนย์วิจัยสุขภาวะชุมชน${dw}${d}`, en: `${de} Community Health Research Centre` },
				{ th: `วิทยาลัยการสาธารณสุขสิรินธร ${provinceTh(p)}`, en: `Sirindhorn College of Public Health, ${prove}` }
			]);
		case 'local_government':
			if (bangkok) return { th: `สำนักงานเขต${d}`, en: `${de} District Office` };
			return pick(random, [
				{ th: `องค์การบริหารส่วนตำบล${d}`, en: `${de} Subdistrict Administrative Organisation` },
				{ th: `เทศบาลตำบล${d}`, en: `${de} Subdistrict Municipality` },
				{ th: `เทศบาลเมือง${d}`, en: `${de} Town Municipality` },
				{ th: `องค์การบริหารส่วนจังหวัด${prov}`, en: `${prove} Provincial Administrative Organisation` }
			]);
		case 'government_agency':
			return pick(random, [
				{ th: `โรงพยาบาลส่งเสริมสุขภาพตำบล${d}`, en: `${de} Subdistrict Health Promoting Hospital` },
				{ th: `สำนักงานสาธารณสุขอำเภอ${d}`, en: `${de} District Public Health Office` },
				{ th: `โรงพยาบาล${d}`, en: `${de} Hospital` },
				{ th: `สำนักงานสาธารณสุขจังหวัด${prov}`, en: `${prove} Provincial Public Health Office` },
				{ th: `โรงเรียน${d}วิทยาคม`, en: `${de} Wittayakhom School` }
			]);
		case 'private':
			return pick(random, [
				{ th: `หอการค้าจังหวัด${prov}`, en: `${prove} Chamber of Commerce` },
				{ th: `สหกรณ์การเกษตร${d} จำกัด`, en: `${de} Agricultural Cooperative` },
				{ th: `ชมรมผู้ประกอบการร้านอาหาร${dw}${d}`, en: null },
				{ th: `บริษัท ${prov}พัฒนาการเกษตร จำกัด`, en: null }
			]);
		case 'media':
			return pick(random, [
				{ th: `สถานีวิทยุชุมชนคนรัก${d}`, en: null },
				{ th: `เครือข่ายสื่อสร้างสุข${provinceTh(p)}`, en: `${prove} Media for Health Network` },
				{ th: `สมาคมนักข่าว${provinceTh(p)}`, en: `${prove} Journalists Association` },
				{ th: `เพจข่าว${d}บ้านเฮา`, en: null }
			]);
		case 'health_assembly':
			return n < 2
				? { th: `สมัชชาสุขภาพ${provinceTh(p)}`, en: `${prove} Provincial Health Assembly` }
				: { th: `สมัชชาสุขภาพ${dw}${d}`, en: `${de} District Health Assembly` };
	}
}

// ---------------------------------------------------------------------------
// Projects: programmes and titles

const PROGRAMMES: readonly [string, string][] = [
	['แผนงานสร้างเสริมสุขภาวะเชิงพื้นที่', 'Area-based health promotion programme'],
	['แผนงานสนับสนุนโครงการทั่วไปและนวัตกรรม', 'Open grants and innovation programme'],
	['แผนงานควบคุมปัจจัยเสี่ยงทางสุขภาพ', 'Health risk control programme'],
	['แผนงานสร้างเสริมวิถีชีวิตสุขภาวะ', 'Healthy lifestyle programme'],
	['แผนงานพัฒนากลไกสุขภาพระดับจังหวัด', 'Provincial health mechanism programme']
];

const PHRASES: Readonly<Record<string, readonly [string, string][]>> = {
	tobacco: [
		['ชุมชนปลอดบุหรี่', 'Smoke-free community'],
		['ลดการสูบบุหรี่ในกลุ่มเยาวชน', 'Reducing youth smoking'],
		['วัดและโรงเรียนปลอดบุหรี่', 'Smoke-free temples and schools']
	],
	alcohol_drugs: [
		['งานบุญประเพณีปลอดเหล้า', 'Alcohol-free merit-making festivals'],
		['ชุมชนคนสู้เหล้า', 'Community against alcohol'],
		['ป้องกันยาเสพติดในสถานศึกษา', 'Drug prevention in schools']
	],
	road_safety: [
		['ด่านชุมชนลดอุบัติเหตุ', 'Community checkpoints against road crashes'],
		['สวมหมวกนิรภัย 100 เปอร์เซ็นต์', '100% helmet use'],
		['ถนนปลอดภัยหน้าโรงเรียน', 'Safe roads around schools']
	],
	food: [
		['ผักปลอดสารพิษเพื่อสุขภาพ', 'Pesticide-free vegetables for health'],
		['อาหารปลอดภัยในโรงเรียน', 'Safe food in schools'],
		['ลดหวานมันเค็มในชุมชน', 'Less sugar, fat and salt in the community']
	],
	physical_activity: [
		['ส่งเสริมกิจกรรมทางกายผู้สูงอายุ', 'Physical activity for older people'],
		['ลานกีฬาชุมชนสร้างสุข', 'Community sports grounds'],
		['ปั่นจักรยานเพื่อสุขภาพ', 'Cycling for health']
	],
	mental_health: [
		['เสริมพลังใจวัยรุ่น', 'Mental resilience for teenagers'],
		['ดูแลสุขภาพจิตผู้สูงอายุ', 'Mental health care for older people'],
		['ครอบครัวอบอุ่นชุมชนเข้มแข็ง', 'Warm families, strong communities']
	],
	environment: [
		['ลดการเผาในที่โล่ง', 'Reducing open burning'],
		['จัดการขยะชุมชนต้นทาง', 'Community waste sorting at source'],
		['ชุมชนสีเขียวลดฝุ่น PM2.5', 'Green community against PM2.5']
	],
	emerging_threats: [
		['ป้องกันไข้เลือดออกในชุมชน', 'Dengue prevention in the community'],
		['เฝ้าระวังโรคอุบัติใหม่', 'Surveillance of emerging diseases'],
		['ชุมชนพร้อมรับมือโรคระบาด', 'Community epidemic preparedness']
	]
};
const FALLBACK_PHRASE: [string, string] = ['สร้างเสริมสุขภาวะชุมชน', 'Community health promotion'];

/** Relative weight of each issue area among sample partners and projects. */
const ISSUE_WEIGHTS: Readonly<Record<string, number>> = {
	tobacco: 1,
	alcohol_drugs: 1.2,
	road_safety: 1.2,
	food: 1.3,
	physical_activity: 1.3,
	mental_health: 0.9,
	environment: 0.9,
	emerging_threats: 0.7
};
/** Surat Thani's "5 อ." (reference.ts LOCAL_GROUPINGS): partners there work mostly on these. */
const SURAT_THANI_5A = ['food', 'physical_activity', 'road_safety', 'emerging_threats', 'environment'];

const PARTNER_TYPE_WEIGHTS: readonly [PartnerType, number][] = [
	['community_group', 30],
	['local_government', 20],
	['ngo', 12],
	['government_agency', 14],
	['academic', 5],
	['private', 8],
	['media', 5],
	['health_assembly', 3]
];
const TYPE_CUMULATIVE = cumulate(PARTNER_TYPE_WEIGHTS.map(([, w]) => w));

// ---------------------------------------------------------------------------

/** Which rows (by index) get which defect: disjoint, exact counts, from the seed. */
function chooseDefects<T extends string>(count: number, rates: readonly [T, number][], random: Random): Map<number, T> {
	const out = new Map<number, T>();
	for (const [defect, rate] of rates) {
		const n = Math.min(Math.max(MIN_DEFECTS, Math.round(rate * count)), Math.floor(count / (rates.length + 1)));
		for (let k = 0; k < n; ) {
			const i = Math.floor(random() * count);
			if (out.has(i)) continue;
			out.set(i, defect);
			k++;
		}
	}
	return out;
}

/** Stream numbers of the PRNGs. */
const STREAM = { setup: 0, partner: 1, project: 2, defects: 3 } as const;

export class NetworkSample {
	readonly partnerCount: number;
	readonly projectCount: number;
	readonly seed: number;
	readonly deliberate: DeliberateDefects = { partners: new Map(), projects: new Map() };

	private readonly provinceOf: Map<string, SampleProvince>;
	private readonly districts: readonly SampleDistrict[];
	private readonly districtIndex: Map<string, number>;
	/** Cumulative weight of every district (population, networks, gaps). */
	private readonly districtCumulative: Float64Array;
	/** Per province: indexes of its districts. */
	private readonly byProvince: Map<string, number[]>;
	/** Per health zone: indexes of its districts. */
	private readonly byZone: Map<number, number[]>;
	/** Per province: [network_id, strong role] of the networks it is in. */
	private readonly networksOf: Map<string, { id: string; strong: boolean }[]>;
	private readonly networkById: Map<string, NetworkRow>;
	private readonly issueAreas: readonly string[];
	private readonly issueCumulative: Float64Array;
	private readonly reserved: ReadonlySet<string>;
	private readonly partnerDefects: Map<number, PartnerDefect>;
	private readonly projectDefects: Map<number, ProjectDefect>;
	private readonly idWidth = 7;

	constructor(input: NetworkSampleInput) {
		this.partnerCount = input.partners ?? DEFAULT_PARTNERS;
		this.projectCount = input.projects ?? DEFAULT_PROJECTS;
		this.seed = input.seed ?? NETWORK_SAMPLE_SEED;
		for (const [what, n] of [['partners', this.partnerCount], ['projects', this.projectCount]] as const)
			if (!Number.isInteger(n) || n < 0) throw new Error(`sample ${what} must be a whole number ≥ 0, not ${n}`);
		if (input.districts.length === 0) throw new Error('no districts to place sample partners in');

		this.issueAreas = input.issueAreas;
		this.issueCumulative = cumulate(input.issueAreas.map((id) => ISSUE_WEIGHTS[id] ?? 1));
		this.reserved = input.reservedProjectCodes ?? new Set();
		this.provinceOf = new Map(input.provinces.map((p) => [p.province_code, p]));
		this.districts = [...input.districts].sort((a, b) => (a.district_code < b.district_code ? -1 : 1));
		this.districtIndex = new Map(this.districts.map((d, i) => [d.district_code, i]));
		this.networkById = new Map(input.networks.map((n) => [n.network_id, n]));

		this.networksOf = new Map();
		for (const np of input.networkProvinces) {
			const list = this.networksOf.get(np.province_code) ?? [];
			const strong = np.role !== 'member';
			const existing = list.find((x) => x.id === np.network_id);
			if (existing) existing.strong ||= strong;
			else list.push({ id: np.network_id, strong });
			this.networksOf.set(np.province_code, list);
		}

		this.byProvince = new Map();
		this.byZone = new Map();
		this.districts.forEach((d, i) => {
			const province = this.provinceOf.get(d.province_code);
			if (!province) throw new Error(`district ${d.district_code}: unknown province ${d.province_code}`);
			this.byProvince.set(d.province_code, [...(this.byProvince.get(d.province_code) ?? []), i]);
			this.byZone.set(province.health_zone, [...(this.byZone.get(province.health_zone) ?? []), i]);
		});

		// District weights: the province's share by population (boosted in the networks' provinces),
		// split over its districts with uneven weights; some districts get none (coverage gaps).
		const setup = mulberry32(mixSeed(this.seed, STREAM.setup, 0));
		const weights = new Array<number>(this.districts.length).fill(0);
		for (const [code, indexes] of this.byProvince) {
			const province = this.provinceOf.get(code)!;
			const networks = this.networksOf.get(code) ?? [];
			const inNetwork = networks.length > 0;
			const strong = networks.some((n) => n.strong);
			const provinceWeight = province.population * (1 + (inNetwork ? 1.5 : 0) + (strong ? 1 : 0));
			const gapShare = inNetwork ? 0.08 : 0.3;
			const raw = indexes.map((i) => {
				const mueang = this.districts[i].district_code.endsWith('01');
				const r = setup();
				const gap = !mueang && setup() < gapShare;
				return gap ? 0 : (mueang ? 3 : 1) * (0.2 + 2 * r * r);
			});
			const sum = raw.reduce((a, b) => a + b, 0);
			indexes.forEach((i, k) => (weights[i] = (provinceWeight * raw[k]) / sum));
		}
		this.districtCumulative = cumulate(weights);

		const defects = mulberry32(mixSeed(this.seed, STREAM.defects, 0));
		this.partnerDefects = chooseDefects<PartnerDefect>(
			this.partnerCount,
			[
				['point_outside_district', DEFECT_RATES.point_outside_district],
				['province_district_mismatch', DEFECT_RATES.province_district_mismatch]
			],
			defects
		);
		this.projectDefects = chooseDefects<ProjectDefect>(
			this.projectCount,
			Object.entries(DEFECT_RATES) as [ProjectDefect, number][],
			defects
		);
	}

	partnerId(index: number): string {
		return `P${pad(index + 1, this.idWidth)}`;
	}

	private place(i: number): Place {
		const district = this.districts[i];
		return { district, province: this.provinceOf.get(district.province_code)! };
	}

	private issueIds(random: Random, n: number, provinceCode: string): string | null {
		if (this.issueAreas.length === 0) return null;
		const chosen = new Set<string>();
		for (let tries = 0; chosen.size < n && tries < 50; tries++) {
			const id = this.issueAreas[pickWeighted(random, this.issueCumulative)];
			// Surat Thani partners work mostly within the "5 อ.".
			if (provinceCode === '84' && !SURAT_THANI_5A.includes(id) && random() < 0.8) continue;
			chosen.add(id);
		}
		return this.issueAreas.filter((id) => chosen.has(id)).join(';') || null;
	}

	/** Another district of the same province (for points deliberately placed in the wrong district). */
	private otherDistrictInProvince(i: number, random: Random): number {
		const others = this.byProvince.get(this.districts[i].province_code)!.filter((j) => j !== i);
		return pick(random, others);
	}

	/** A district of another province in the same health zone (or anywhere else when the zone has one province). */
	private districtOfOtherProvince(i: number, random: Random): number {
		const d = this.districts[i];
		const zone = this.provinceOf.get(d.province_code)!.health_zone;
		const candidates = (this.byZone.get(zone) ?? []).filter((j) => this.districts[j].province_code !== d.province_code);
		if (candidates.length > 0) return pick(random, candidates);
		return pick(random, this.districts.map((_, j) => j).filter((j) => this.districts[j].province_code !== d.province_code));
	}

	/** Partner `index` (0-based); the same whatever the total count. */
	partner(index: number): PartnerRow {
		const random = mulberry32(mixSeed(this.seed, STREAM.partner, index));
		const di = pickWeighted(random, this.districtCumulative);
		const place = this.place(di);
		const code = place.province.province_code;
		const type = PARTNER_TYPE_WEIGHTS[pickWeighted(random, TYPE_CUMULATIVE)][0];
		const name = partnerName(type, place, random);
		const issues = this.issueIds(random, 1 + Math.floor(random() * random() * 3.5), code);

		const networks = (this.networksOf.get(code) ?? []).filter((n) => {
			if (type === 'health_assembly' && this.networkById.get(n.id)?.kind === 'health_assembly') return true;
			return random() < (n.strong ? 0.75 : 0.45);
		});
		const year = 2008 + Math.floor(Math.pow(random(), 0.6) * 18);
		const active = random() < (year >= 2020 ? 0.93 : 0.75);

		let district = place.district;
		let [lon, lat] = pointIn(district.area, random);
		const defect = this.partnerDefects.get(index);
		const partner_id = this.partnerId(index);
		if (defect === 'point_outside_district') {
			[lon, lat] = this.pointOutside(di, random);
		} else if (defect === 'province_district_mismatch') {
			district = this.districts[this.districtOfOtherProvince(di, random)];
			[lon, lat] = pointIn(district.area, random);
		}
		if (defect) this.deliberate.partners.set(partner_id, defect);
		return {
			partner_id,
			name_th: name.th,
			name_en: name.en,
			partner_type: type,
			province_code: code,
			district_code: district.district_code,
			subdistrict_name_th: null,
			lat,
			lon,
			issue_area_ids: issues,
			network_ids: networks.length > 0 ? networks.map((n) => n.id).join(';') : null,
			year_joined: year,
			active,
			is_sample: true
		};
	}

	/** A point inside another district of the province, checked to be outside district `di`. */
	private pointOutside(di: number, random: Random): [number, number] {
		for (;;) {
			const [lon, lat] = pointIn(this.districts[this.otherDistrictInProvince(di, random)].area, random);
			if (!areaContains(this.districts[di].area, lon, lat)) return [lon, lat];
		}
	}

	*partners(): Generator<PartnerRow> {
		for (let i = 0; i < this.partnerCount; i++) yield this.partner(i);
	}

	/** Projects with their instalments, in generation order (codes are numbered per year as they come). */
	*projects(): Generator<SampleProject> {
		const next = new Map<number, number>();
		for (let index = 0; index < this.projectCount; index++) {
			const random = mulberry32(mixSeed(this.seed, STREAM.project, index));
			const defect = this.projectDefects.get(index);

			// Period: starts on the 1st of a month, 6–24 months.
			const span = (PROJECT_YEARS.last - PROJECT_YEARS.first + 1) * 12;
			const startMonth = Math.floor(random() * span);
			const y0 = PROJECT_YEARS.first + Math.floor(startMonth / 12);
			const m0 = startMonth % 12;
			const months = 6 + Math.floor(random() * 19);
			const start_date = monthStart(y0, m0);
			const end_date = monthEnd(y0, m0 + months - 1);

			const beYear = (y0 + 543) % 100;
			let seq = next.get(beYear) ?? 1;
			let project_code: string;
			do project_code = `${pad(beYear, 2)}-ข-${pad(seq++, 3)}`;
			while (this.reserved.has(project_code));
			next.set(beYear, seq);

			// Organisation: mostly a sample partner, working in its own district.
			let partner: PartnerRow | null = null;
			if (this.partnerCount > 0 && random() < 0.85) partner = this.partner(Math.floor(random() * this.partnerCount));
			let di =
				partner && random() < 0.8
					? this.districtIndex.get(partner.district_code)!
					: pickWeighted(random, this.districtCumulative);
			const place = this.place(di);
			const province_code = place.province.province_code;
			const issueIds = this.issueIds(random, random() < 0.7 ? 1 : 2, province_code);
			const firstIssue = issueIds?.split(';')[0];
			const [phraseTh, phraseEn] = firstIssue ? pick(random, PHRASES[firstIssue] ?? [FALLBACK_PHRASE]) : FALLBACK_PHRASE;
			const networkId = partner?.network_ids && random() < 0.6 ? partner.network_ids.split(';')[0] : null;
			const network = networkId ? this.networkById.get(networkId) : undefined;
			const [programmeTh, programmeEn] =
				network?.kind === 'programme' ? [network.name_th, network.name_en] : pick(random, PROGRAMMES);

			// Location: district and point (most), district only, or province-wide.
			const where = random();
			let hasDistrict = where < 0.98;
			let hasPoint = where < 0.95;
			if (defect === 'point_outside_district') [hasDistrict, hasPoint] = [true, true];
			if (defect === 'province_district_mismatch') hasDistrict = true;
			let district: SampleDistrict | null = hasDistrict ? place.district : null;
			let point: [number, number] | null = hasPoint && district ? pointIn(district.area, random) : null;
			if (defect === 'point_outside_district') point = this.pointOutside(di, random);
			if (defect === 'province_district_mismatch') {
				di = this.districtOfOtherProvince(di, random);
				district = this.districts[di];
				point = hasPoint ? pointIn(district.area, random) : null;
			}

			const organisation = partner?.name_th ?? partnerName(PARTNER_TYPE_WEIGHTS[pickWeighted(random, TYPE_CUMULATIVE)][0], place, random).th;
			let partner_id = partner?.partner_id ?? null;
			if (defect === 'unknown_partner') partner_id = this.partnerId(this.partnerCount + 1 + Math.floor(random() * 1000));

			const budget = Math.min(3_000_000, Math.max(10_000, Math.round(Math.exp(Math.log(150_000) + 0.8 * normal(random)) / 1000) * 1000));
			const cancelled = random() < 0.02;
			const status: ProjectStatus = cancelled
				? 'cancelled'
				: start_date > REFERENCE_DATE
					? 'planned'
					: end_date < REFERENCE_DATE
						? 'closed'
						: 'active';

			const instalments = this.instalments(project_code, y0, m0, months, budget, status, random);
			if (defect === 'instalment_sum_mismatch') {
				const last = instalments[instalments.length - 1];
				const factor = 1 + (random() < 0.5 ? -1 : 1) * (0.05 + random() * 0.25);
				last.amount = Math.max(0, Math.round((last.amount * factor) / 100) * 100);
				if (instalments.reduce((s, i) => s + i.amount, 0) === budget) last.amount += 1000;
			}
			if (defect === 'instalment_outside_period') {
				if (random() < 0.7) {
					const last = instalments[instalments.length - 1];
					last.period_end = monthEnd(y0, m0 + months - 1 + 1 + Math.floor(random() * 3));
					if (last.report_end !== null) last.report_end = last.period_end;
				} else {
					const first = instalments[0];
					first.period_start = monthStart(y0, m0 - 1);
					if (first.report_start !== null) first.report_start = first.period_start;
				}
			}
			if (defect) this.deliberate.projects.set(project_code, [defect]);

			yield {
				project: {
					project_code,
					programme_th: programmeTh,
					programme_en: programmeEn,
					title_th: `โครงการ${phraseTh} ${district ? `${districtWord(place)}${district.name_th} ` : ''}${provinceTh(place)}`,
					title_en: `${phraseEn}, ${district ? `${district.name_en} district, ` : ''}${place.province.name_en}`,
					organisation_th: organisation,
					partner_id,
					network_id: networkId,
					start_date,
					end_date,
					budget,
					province_code,
					district_code: district?.district_code ?? null,
					lat: point ? point[1] : null,
					lon: point ? point[0] : null,
					issue_area_ids: issueIds,
					status,
					citation: null,
					is_sample: true
				},
				instalments
			};
		}
	}

	/** 2–4 consecutive instalments covering the period, amounts summing exactly to the budget. */
	private instalments(
		project_code: string,
		y0: number,
		m0: number,
		months: number,
		budget: number,
		status: ProjectStatus,
		random: Random
	): InstalmentRow[] {
		const n = Math.min(months, 2 + Math.floor(random() * 3));
		const shares = n === 2 ? [0.6, 0.4] : n === 3 ? pick(random, [[0.4, 0.4, 0.2], [0.5, 0.3, 0.2]]) : [0.3, 0.3, 0.3, 0.1];
		const rows: InstalmentRow[] = [];
		let allocated = 0;
		for (let k = 0; k < n; k++) {
			const from = Math.round((months * k) / n);
			const to = Math.round((months * (k + 1)) / n) - 1;
			const amount = k === n - 1 ? budget - allocated : Math.round(budget * shares[k]);
			allocated += amount;
			const period_start = monthStart(y0, m0 + from);
			const period_end = monthEnd(y0, m0 + to);
			const due = period_end < REFERENCE_DATE;
			rows.push({
				project_code,
				instalment_no: k + 1,
				period_start,
				period_end,
				report_start: due ? period_start : null,
				report_end: due ? period_end : null,
				amount,
				paid: status === 'cancelled' ? k === 0 && due : due
			});
		}
		return rows;
	}
}
