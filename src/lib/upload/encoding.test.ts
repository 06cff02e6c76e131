import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, encodeWindows874, EncodingError, isValidUtf8, toUtf8 } from './encoding';

const THAI = 'จังหวัด,ปี,ค่า\nขอนแก่น,2561,1\nสุราษฎร์ธานี,2562,"1,000.50"\n';

describe('encodings', () => {
	it('passes UTF-8 through without copying and drops a byte-order mark', () => {
		const bytes = new TextEncoder().encode(THAI);
		const plain = toUtf8(bytes);
		expect(plain.encoding).toBe('utf-8');
		expect(plain.bytes).toBe(bytes);
		const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
		const stripped = toUtf8(withBom);
		expect(stripped.encoding).toBe('utf-8');
		expect(new TextDecoder().decode(stripped.bytes)).toBe(THAI);
		expect(decodeText(withBom).text).toBe(THAI);
	});

	it('reads Windows-874 (TIS-620) Thai and re-encodes it as UTF-8', () => {
		const bytes = encodeWindows874(THAI);
		expect(bytes.length).toBe(THAI.length);
		expect(isValidUtf8(bytes)).toBe(false);
		expect(detectEncoding(bytes)).toBe('windows-874');
		const out = toUtf8(bytes);
		expect(out.encoding).toBe('windows-874');
		expect(new TextDecoder().decode(out.bytes)).toBe(THAI);
	});

	it('reads UTF-16 with a byte-order mark (Excel "Unicode text")', () => {
		const le = new Uint8Array(2 + THAI.length * 2);
		le[0] = 0xff;
		le[1] = 0xfe;
		for (let i = 0; i < THAI.length; i++) {
			le[2 + i * 2] = THAI.charCodeAt(i) & 0xff;
			le[3 + i * 2] = THAI.charCodeAt(i) >> 8;
		}
		expect(detectEncoding(le)).toBe('utf-16le');
		expect(new TextDecoder().decode(toUtf8(le).bytes)).toBe(THAI);
	});

	it('validates UTF-8 across chunk boundaries', () => {
		const big = new TextEncoder().encode('ก'.repeat((1 << 22) / 3 + 5));
		expect(isValidUtf8(big)).toBe(true);
		const broken = big.slice(0, big.length - 1);
		expect(isValidUtf8(broken)).toBe(false);
	});

	it('re-encodes a file larger than one chunk the same as a whole, a character split between chunks included', () => {
		const thai = `${'ก'.repeat((1 << 22) + 7)}\n${THAI}`;
		expect(new TextDecoder().decode(toUtf8(encodeWindows874(thai)).bytes)).toBe(thai);
		// UTF-16: the chunk boundary falls inside a surrogate pair (an emoji's two code units).
		const text = `${'ข'.repeat((1 << 21) - 2)}😀${THAI}`;
		const le = new Uint8Array(2 + text.length * 2);
		le.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) {
			le[2 + i * 2] = text.charCodeAt(i) & 0xff;
			le[3 + i * 2] = text.charCodeAt(i) >> 8;
		}
		expect(new TextDecoder().decode(toUtf8(le).bytes)).toBe(text);
		// Junk beyond the first chunk still makes it not Thai.
		const junk = new Uint8Array((1 << 22) + 400).map((_, i) => (i < 1 << 22 ? 0xa1 : 0xdb + (i % 4)));
		expect(() => toUtf8(junk)).not.toThrow();
		const worse = new Uint8Array((1 << 22) + 100_000).map((_, i) => (i < 1 << 22 ? 0xa1 : 0xdb + (i % 4)));
		expect(() => toUtf8(worse)).toThrow(/neither UTF-8 nor Thai/);
	});

	it('refuses binary data and text in no Thai encoding', () => {
		expect(() => detectEncoding(new Uint8Array([0x50, 0x41, 0x52, 0x31, 0, 0, 1]))).toThrow(EncodingError);
		const junk = new Uint8Array(400).map((_, i) => 0xdb + (i % 4));
		expect(() => decodeText(junk)).toThrow(/neither UTF-8 nor Thai/);
		expect(() => encodeWindows874('日本')).toThrow();
	});

	it('handles an empty file', () => {
		expect(toUtf8(new Uint8Array()).bytes.length).toBe(0);
		expect(decodeText(new Uint8Array()).text).toBe('');
	});
});
