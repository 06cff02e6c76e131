/**
 * WOFF 1.0 font files (what @fontsource ships beside WOFF2) read without a font library: back to a
 * plain TrueType/OpenType file (for a rasteriser that takes font files, the build-time preview images)
 * and the set of characters a font draws (its cmap), to prove the app never asks for a glyph its
 * self-hosted font does not have. `inflate` is zlib's (node:zlib's inflateSync at build time).
 */

export type Inflate = (data: Uint8Array) => Uint8Array;

interface Table {
	tag: string;
	offset: number;
	compLength: number;
	origLength: number;
	checksum: number;
}

function woffTables(woff: Uint8Array): { flavor: number; tables: Table[] } {
	const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
	if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 file');
	const count = view.getUint16(12);
	const tables: Table[] = [];
	for (let i = 0; i < count; i++) {
		const at = 44 + i * 20;
		tables.push({
			tag: String.fromCharCode(...woff.subarray(at, at + 4)),
			offset: view.getUint32(at + 4),
			compLength: view.getUint32(at + 8),
			origLength: view.getUint32(at + 12),
			checksum: view.getUint32(at + 16)
		});
	}
	return { flavor: view.getUint32(4), tables };
}

function tableData(woff: Uint8Array, table: Table, inflate: Inflate): Uint8Array {
	const data = woff.subarray(table.offset, table.offset + table.compLength);
	const plain = table.compLength < table.origLength ? inflate(data) : data;
	if (plain.length !== table.origLength) throw new Error(`WOFF table ${table.tag}: wrong length after inflating`);
	return plain;
}

/** The TrueType/OpenType font inside a WOFF file. */
export function woffToSfnt(woff: Uint8Array, inflate: Inflate): Uint8Array {
	const { flavor, tables } = woffTables(woff);
	const n = tables.length;
	const pad4 = (x: number) => (x + 3) & ~3;
	let size = 12 + 16 * n;
	for (const t of tables) size += pad4(t.origLength);
	const out = new Uint8Array(size);
	const view = new DataView(out.buffer);
	const power = 2 ** Math.floor(Math.log2(n));
	view.setUint32(0, flavor);
	view.setUint16(4, n);
	view.setUint16(6, power * 16);
	view.setUint16(8, Math.log2(power));
	view.setUint16(10, n * 16 - power * 16);
	let offset = 12 + 16 * n;
	[...tables]
		.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))
		.forEach((t, i) => {
			const at = 12 + i * 16;
			for (let c = 0; c < 4; c++) out[at + c] = t.tag.charCodeAt(c);
			view.setUint32(at + 4, t.checksum);
			view.setUint32(at + 8, offset);
			view.setUint32(at + 12, t.origLength);
			out.set(tableData(woff, t, inflate), offset);
			offset += pad4(t.origLength);
		});
	return out;
}

/** The code points a WOFF font maps to glyphs (cmap formats 4 and 12). */
export function woffCharacters(woff: Uint8Array, inflate: Inflate): Set<number> {
	const table = woffTables(woff).tables.find((t) => t.tag === 'cmap');
	if (!table) throw new Error('WOFF file without a cmap table');
	const cmap = tableData(woff, table, inflate);
	const view = new DataView(cmap.buffer, cmap.byteOffset, cmap.byteLength);
	const found = new Set<number>();
	const subtables = view.getUint16(2);
	for (let i = 0; i < subtables; i++) {
		const at = view.getUint32(4 + i * 8 + 4);
		const format = view.getUint16(at);
		if (format === 4) {
			const segments = view.getUint16(at + 6) / 2;
			const ends = at + 14;
			const starts = ends + segments * 2 + 2;
			for (let s = 0; s < segments; s++) {
				const start = view.getUint16(starts + s * 2);
				const end = view.getUint16(ends + s * 2);
				if (start === 0xffff) continue;
				for (let c = start; c <= end; c++) found.add(c);
			}
		} else if (format === 12) {
			const groups = view.getUint32(at + 12);
			for (let g = 0; g < groups; g++) {
				const group = at + 16 + g * 12;
				for (let c = view.getUint32(group); c <= view.getUint32(group + 4); c++) found.add(c);
			}
		}
	}
	return found;
}
