/**
 * Every compression codec the Parquet format defines for data pages, for hyparquet: SNAPPY (its
 * own), GZIP, BROTLI, ZSTD, LZ4_RAW and the older LZ4 (Hadoop's framing, or a bare LZ4 block as some
 * writers made it), from hyparquet-compressors. All are plain JavaScript: nothing to fetch, no
 * WebAssembly to compile. (The package's index would also start a WebAssembly Snappy at import, so
 * each decompressor is imported from its own module.)
 */
import { snappyUncompress, type Compressors } from 'hyparquet';
import { decompressBrotli } from 'hyparquet-compressors/src/brotli.js';
import { gunzip } from 'hyparquet-compressors/src/gzip.js';
import { decompressLz4, decompressLz4Raw } from 'hyparquet-compressors/src/lz4.js';
import { decompress as decompressZstd } from 'fzstd';

type Decompress = (input: Uint8Array, outputLength: number) => Uint8Array;

/**
 * A page with nothing to decompress (a data page v2 whose values are all null) may hold zero
 * bytes under any codec; zero bytes are not a valid stream of any of them, so they are not passed on.
 */
const allowEmpty =
	(decompress: Decompress): Decompress =>
	(input, outputLength) =>
		input.length === 0 && outputLength === 0 ? new Uint8Array(0) : decompress(input, outputLength);

export const PARQUET_CODECS: Compressors = {
	SNAPPY: allowEmpty((input, length) => {
		const output = new Uint8Array(length);
		snappyUncompress(input, output);
		return output;
	}),
	GZIP: allowEmpty((input, length) => gunzip(input, new Uint8Array(length))),
	BROTLI: allowEmpty(decompressBrotli),
	ZSTD: allowEmpty((input) => decompressZstd(input)),
	LZ4: allowEmpty(decompressLz4),
	LZ4_RAW: allowEmpty(decompressLz4Raw)
};
