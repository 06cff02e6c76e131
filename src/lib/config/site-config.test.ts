import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, parseSiteConfig, siteConfigOf } from './site-config';

const CATALOGUE = [
	{ indicator_id: 'road_death_rate', is_sample: false },
	{ indicator_id: 'smoking_prevalence', is_sample: true }
];

describe('a deployment’s config.json', () => {
	it('takes the name, organisation, sample switch and defaults', () => {
		const { config, errors } = parseSiteConfig(
			{
				title_th: ' แผนที่ ',
				title_en: 'Map',
				organisation_en: 'Office',
				showSampleIndicators: false,
				defaultIndicator: 'road_death_rate',
				defaultYear: 2020
			},
			CATALOGUE
		);
		expect(errors).toEqual([]);
		expect(config).toEqual({
			...DEFAULT_SITE,
			title_th: 'แผนที่',
			title_en: 'Map',
			organisation_en: 'Office',
			showSampleIndicators: false,
			defaultIndicator: 'road_death_rate',
			defaultYear: 2020
		});
	});

	it('names every field that is wrong', () => {
		const { errors } = parseSiteConfig(
			{ titel_en: 'x', title_th: 3, showSampleIndicators: 'no', defaultIndicator: 'nope', defaultYear: 2566.5 },
			CATALOGUE
		);
		expect(errors).toEqual([
			expect.stringContaining('"titel_en" is not a setting'),
			expect.stringContaining('"title_th" must be text'),
			expect.stringContaining('"showSampleIndicators" must be true or false'),
			expect.stringContaining('"defaultIndicator": "nope" is not in the catalogue'),
			expect.stringContaining('"defaultYear" must be a year')
		]);
		expect(parseSiteConfig([], CATALOGUE).errors).toEqual(['must be a JSON object']);
	});

	it('refuses a sample indicator as the default of a site without sample indicators', () => {
		const { errors } = parseSiteConfig(
			{ showSampleIndicators: false, defaultIndicator: 'smoking_prevalence' },
			CATALOGUE
		);
		expect(errors).toEqual([expect.stringContaining('is a sample indicator')]);
	});

	it('reads site.json back defensively', () => {
		expect(siteConfigOf(null)).toEqual(DEFAULT_SITE);
		expect(siteConfigOf({ title_en: '', defaultYear: '2020', showSampleIndicators: 0 })).toEqual(DEFAULT_SITE);
	});
});
