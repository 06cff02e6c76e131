import { describe, expect, it } from 'vitest';
import { MappingFileError, mappingFileText, parseMappingFile, planFor } from './mapping-file';
import { shapeSignature, suggestMapping } from './mapping';

const HEADERS = ['รหัสโครงการ', 'สถานะ', 'จังหวัด'];
const entry = {
	file: 'projects.xlsx › โครงการ',
	signature: shapeSignature(HEADERS),
	table: 'projects' as const,
	mapping: suggestMapping('projects', HEADERS),
	provinceFixes: { เมืองชล: '20' },
	codeFixes: { status: { รอตรวจสอบเอกสาร: 'planned' } },
	indicators: []
};

describe('mapping.json', () => {
	it('round-trips what the Your data page downloads', () => {
		expect(parseMappingFile(mappingFileText([entry]))).toEqual([entry]);
	});

	it('applies to a file of the same name, else of the same headers, else to none', () => {
		const entries = parseMappingFile(mappingFileText([entry]));
		expect(planFor(entries, 'projects.xlsx › โครงการ', HEADERS)?.provinceFixes).toEqual({ เมืองชล: '20' });
		expect(planFor(entries, 'other.csv', [...HEADERS].reverse())?.codeFixes).toEqual(entry.codeFixes);
		expect(planFor(entries, 'other.csv', ['a', 'b'])).toBeNull();
	});

	it.each([
		['{', /not valid JSON/],
		['{"files": []}', /not a mapping file of this app/],
		['{"format": "phakhi-atlas-mapping/1", "files": {}}', /"files" must be a list/],
		['{"format": "phakhi-atlas-mapping/1", "files": [{"file": "a.csv", "table": "nope", "mapping": {}}]}', /entry 1/]
	])('refuses %s, saying why', (text, why) => {
		expect(() => parseMappingFile(text)).toThrow(MappingFileError);
		expect(() => parseMappingFile(text)).toThrow(why);
	});
});
