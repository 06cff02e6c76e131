import { describe, expect, it } from 'vitest';
import type { IssueAreaRow } from '$lib/data/contract';
import { PARTNER_TYPE_COLOURS, PROJECT_COLOUR, pointColour, pointsGeoJson } from './categories';

const areas = [{ issue_area_id: 'tobacco', colour: '#e69f00' }] as IssueAreaRow[];
const partner = { id: 'P1', kind: 'partner' as const, lon: 100, lat: 14, category: 'ngo', issue: 'tobacco' };
const project = { ...partner, id: '60-ข-087', kind: 'project' as const, category: 'closed', issue: 'food' };

describe('point colours', () => {
	it('colours partners by type and projects apart, or everything by issue area', () => {
		expect(pointColour(partner, 'type', areas)).toBe(PARTNER_TYPE_COLOURS.ngo);
		expect(pointColour(project, 'type', areas)).toBe(PROJECT_COLOUR);
		expect(pointColour(partner, 'issue', areas)).toBe('#e69f00');
		expect(pointColour(project, 'issue', areas)).toBe('#9ca3af');
	});

	it('makes GeoJSON points in lon/lat order with the properties the map reads', () => {
		const fc = pointsGeoJson([partner], 'type', areas);
		expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [100, 14] });
		expect(fc.features[0].properties).toEqual({
			id: 'P1',
			kind: 'partner',
			category: 'ngo',
			issue: 'tobacco',
			colour: PARTNER_TYPE_COLOURS.ngo
		});
	});
});
