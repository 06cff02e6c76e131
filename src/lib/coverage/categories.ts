/** Colours of points on the coverage map: by partner type (Okabe–Ito, colour-blind safe) or by issue area. */
import type { NetworkRole } from '$lib/core/domain';
import type { IssueAreaRow } from '$lib/data/contract';
import type { MapPoint } from '$lib/data/coverage-queries';
import type { PartnerType, PointColouring } from '$lib/filters/url-state';
import { abbreviatedCount, type PointCell } from '$lib/map/point-groups';
import type { Feature, FeatureCollection } from 'geojson';

export const PARTNER_TYPE_COLOURS: Record<PartnerType, string> = {
	community_group: '#E69F00',
	ngo: '#56B4E9',
	academic: '#009E73',
	local_government: '#0072B2',
	government_agency: '#D55E00',
	private: '#CC79A7',
	media: '#8c6d31',
	health_assembly: '#7b3294'
};

export const PROJECT_COLOUR = '#334155';
const FALLBACK = '#9ca3af';

export function pointColour(point: MapPoint, colouring: PointColouring, issueAreas: readonly IssueAreaRow[]): string {
	if (colouring === 'issue') return issueAreas.find((a) => a.issue_area_id === point.issue)?.colour ?? FALLBACK;
	if (point.kind === 'project') return PROJECT_COLOUR;
	return PARTNER_TYPE_COLOURS[point.category as PartnerType] ?? FALLBACK;
}

/** The map's points: groups with their counts, then single points coloured as `colouring` says. */
export function pointGroupsGeoJson(
	groups: { cells: readonly PointCell[]; points: readonly MapPoint[] },
	colouring: PointColouring,
	issueAreas: readonly IssueAreaRow[]
): FeatureCollection {
	const cells: Feature[] = groups.cells.map((c) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
		properties: { point_count: c.count, point_count_abbreviated: abbreviatedCount(c.count) }
	}));
	return {
		type: 'FeatureCollection',
		features: cells.concat(pointsGeoJson(groups.points, colouring, issueAreas).features)
	};
}

export function pointsGeoJson(
	points: readonly MapPoint[],
	colouring: PointColouring,
	issueAreas: readonly IssueAreaRow[]
): FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: points.map((p) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
			// Category and issue go with the colour, so the tooltip can say in words what the colour shows.
			properties: {
				id: p.id,
				kind: p.kind,
				category: p.category,
				issue: p.issue,
				colour: pointColour(p, colouring, issueAreas)
			}
		}))
	};
}

/** A network's provinces on its map, strongest role first: a pilot province over a target over a working group over a member. */
export const NETWORK_ROLE_ORDER: readonly NetworkRole[] = ['pilot', 'target', 'working_group', 'member'];

export const NETWORK_ROLE_COLOURS: Record<NetworkRole, string> = {
	member: '#9ecae1',
	working_group: '#4292c6',
	target: '#d95f02',
	pilot: '#7b3294'
};

/** Each province's strongest role in the network (provinces with no role are absent). */
export function strongestRoles(
	roles: readonly { province_code: string; role: NetworkRole }[]
): Map<string, NetworkRole> {
	const out = new Map<string, NetworkRole>();
	for (const role of [...NETWORK_ROLE_ORDER].reverse())
		for (const r of roles) if (r.role === role) out.set(r.province_code, role);
	return out;
}
