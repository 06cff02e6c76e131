import { withBundledDb } from '$lib/data/bundled.server';
import { loadProfiles, type ProvinceProfile } from './profile';

// All 77 profiles come from one database session during prerendering.
let profiles: Promise<Map<string, ProvinceProfile>> | null = null;

export function bundledProfiles(): Promise<Map<string, ProvinceProfile>> {
	profiles ??= withBundledDb(loadProfiles);
	return profiles;
}
