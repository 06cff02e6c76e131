/**
 * What a Parquet file's footer says, read without decoding anything (small: only hyparquet's metadata
 * reader, so the page can size a file up before the decoder's worker starts).
 */
import { parquetMetadata } from 'hyparquet';

/**
 * The rows a Parquet file holds, from its footer alone: the row groups' counts, not the footer's total
 * (a writer has left that at 0). Null when the footer cannot be read (the decoder then says why).
 */
export function parquetRowCount(bytes: Uint8Array): number | null {
	try {
		const buffer = bytes.buffer.slice(
			Math.max(bytes.byteOffset, bytes.byteOffset + bytes.byteLength - footerBytes(bytes)),
			bytes.byteOffset + bytes.byteLength
		) as ArrayBuffer;
		return parquetMetadata(buffer, { geoparquet: false }).row_groups.reduce((n, g) => n + Number(g.num_rows), 0);
	} catch {
		return null;
	}
}

/** The footer's length plus its 8-byte tail (length and "PAR1"), from the file's last bytes. */
function footerBytes(bytes: Uint8Array): number {
	const end = bytes.byteOffset + bytes.byteLength;
	const view = new DataView(bytes.buffer, end - 8, 4);
	return view.getUint32(0, true) + 8;
}
