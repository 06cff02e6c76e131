import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_DIR } from '$lib/data/bundled.server';
import { linkPreview } from '$lib/share/preview.server';
import { REPORT_FILE, type ExportsReport } from '$lib/upload/exports-report';

/** The data build's validation report (null: built from the bundled data alone), read at build time. */
export const load = async () => ({
	report: JSON.parse(await readFile(join(DATA_DIR, REPORT_FILE), 'utf8')) as ExportsReport | null,
	preview: await linkPreview({ kind: 'nation' }, 'report_title')
});
