/** docs/data-contract.md must describe every table and column of the contract. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLES } from '../../src/lib/data/contract.ts';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/data-contract.md'), 'utf8');

/** The text of the `## \`name\`` section, up to the next level-2 heading. */
const section = (name: string): string | undefined => doc.split(/^## /m).find((s) => s.startsWith(`\`${name}\``));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('docs/data-contract.md', () => {
	it.each(TABLE_NAMES)('documents table %s', (name) => {
		const text = section(name);
		expect(text, `no "## \`${name}\`" section`).toBeDefined();
		expect(text).toContain(TABLES[name].file);
		for (const key of TABLES[name].key) expect(text).toContain(`\`${key}\``);
		for (const column of TABLES[name].columns) {
			const row = new RegExp(`^\\|\\s*\`${escape(column.name)}\`\\s*\\|\\s*${column.type}\\s*\\|\\s*${column.required ? 'yes' : 'no'}\\s*\\|`, 'm');
			expect(text, `column ${name}.${column.name} (${column.type}, ${column.required ? 'required' : 'optional'})`).toMatch(row);
		}
	});
});
