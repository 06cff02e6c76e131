/** True when the bytes are all of their buffer (a file as read), so the buffer can be handed on instead of copied. */
export function isWholeBuffer(bytes: Uint8Array): boolean {
	return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}
