/**
 * Text files as Thai offices write them: UTF-8 (with or without a byte-order mark), UTF-16 from
 * Excel's "Unicode text", and TIS-620 / Windows-874 from older Thai systems (TIS-620 is a subset
 * of Windows-874). DuckDB reads UTF-8 only, so everything else is re-encoded to UTF-8 first.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874';

export interface Utf8Text {
	/** UTF-8 bytes without a byte-order mark. */
	bytes: Uint8Array;
	/** The encoding the file was in. */
	encoding: TextEncodingName;
}

export class EncodingError extends Error {
	constructor(
		readonly reason: 'binary' | 'unknown_encoding',
		message: string
	) {
		super(message);
		this.name = 'EncodingError';
	}
}

const CHUNK = 1 << 22;

/** True when the bytes are valid UTF-8 (checked in chunks, so a large file needs no large string). */
export function isValidUtf8(bytes: Uint8Array): boolean {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	try {
		for (let i = 0; i < bytes.length; i += CHUNK)
			decoder.decode(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)), { stream: i + CHUNK < bytes.length });
		return true;
	} catch {
		return false;
	}
}

/** A NUL byte in the first 64 KiB of a file that is not UTF-16 means it is not text. */
function looksBinary(bytes: Uint8Array): boolean {
	const end = Math.min(bytes.length, 65_536);
	for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
	return false;
}

/** Which encoding a text file is in: by byte-order mark, else UTF-8 if valid, else Windows-874. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	if (looksBinary(bytes)) throw new EncodingError('binary', 'the file holds binary data, not text');
	return isValidUtf8(bytes) ? 'utf-8' : 'windows-874';
}

/**
 * Share of characters from bytes Windows-874 does not define (decoded as U+FFFD, C1 controls
 * or the private-use U+F8C1–U+F8C8 of the WHATWG table) above which the file is not Thai text.
 */
const MAX_REPLACEMENT_SHARE = 0.01;

/** How many characters of decoded Windows-874 text come from bytes it does not define. */
function undefinedChars(text: string): number {
	let bad = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0xfffd || (c >= 0x80 && c <= 0x9f) || (c >= 0xf8c1 && c <= 0xf8c8)) bad++;
	}
	return bad;
}

/** Throws when too many of `length` characters decoded as Windows-874 came from bytes it does not define. */
function checkThai(bad: number, length: number): void {
	if (bad > Math.max(3, length * MAX_REPLACEMENT_SHARE))
		throw new EncodingError('unknown_encoding', 'the text is neither UTF-8 nor Thai Windows-874 / TIS-620');
}

/** Decodes a text file to a string, whatever of the supported encodings it is in. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
	const encoding = detectEncoding(bytes);
	const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
	if (encoding === 'windows-874') checkThai(undefinedChars(text), text.length);
	return { text, encoding };
}

/** How many bytes `text` takes in UTF-8. */
function utf8Length(text: string): number {
	let n = text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// Two more bytes from U+0800 (a surrogate pair: four bytes for its two units), one more from U+0080.
		if (c >= 0x800) n += c >= 0xd800 && c < 0xe000 ? 1 : 2;
		else if (c >= 0x80) n += 1;
	}
	return n;
}

/**
 * The file as UTF-8 bytes for DuckDB: valid UTF-8 is passed through (without its byte-order
 * mark, no copy), anything else is decoded and re-encoded a few megabytes at a time into one
 * buffer of the exact size (the text decoded twice: once to measure it), so a large file is never
 * a whole string as well (a 98 MB Windows-874 file would be a 196 MB string on its way to 200 MB
 * of UTF-8).
 */
export function toUtf8(bytes: Uint8Array): Utf8Text {
	const encoding = detectEncoding(bytes);
	if (encoding === 'utf-8') {
		const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
		return { bytes: bom ? bytes.subarray(3) : bytes, encoding };
	}
	const chunks = function* () {
		const decoder = new TextDecoder(encoding, { ignoreBOM: false });
		for (let i = 0; i < bytes.length; i += CHUNK)
			yield decoder.decode(bytes.subarray(i, i + CHUNK), { stream: i + CHUNK < bytes.length });
	};
	let size = 0;
	let bad = 0;
	let length = 0;
	for (const text of chunks()) {
		size += utf8Length(text);
		if (encoding === 'windows-874') bad += undefinedChars(text);
		length += text.length;
	}
	if (encoding === 'windows-874') checkThai(bad, length);
	const out = new Uint8Array(size);
	const encoder = new TextEncoder();
	let written = 0;
	for (const text of chunks()) written += encoder.encodeInto(text, out.subarray(written)).written;
	return { bytes: out, encoding };
}

/** Windows-874 bytes for a string (Thai letters, ASCII and the typographic punctuation it has); for tests and fixtures. */
export function encodeWindows874(text: string): Uint8Array {
	const EXTRA: Record<string, number> = {
		'€': 0x80,
		'…': 0x85,
		'‘': 0x91,
		'’': 0x92,
		'“': 0x93,
		'”': 0x94,
		'•': 0x95,
		'–': 0x96,
		'—': 0x97,
		'\u00a0': 0xa0
	};
	const out = new Uint8Array(text.length);
	let n = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0)!;
		if (c < 0x80) out[n++] = c;
		else if (c >= 0x0e01 && c <= 0x0e5b) out[n++] = c - 0x0e01 + 0xa1;
		else if (ch in EXTRA) out[n++] = EXTRA[ch];
		else throw new Error(`"${ch}" has no Windows-874 byte`);
	}
	return out.subarray(0, n);
}
