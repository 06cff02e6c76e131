/** Browser-only steps of an export: rasterising an SVG, saving a file, copying text. Nothing leaves the browser. */

/** Width and height of a standalone SVG document, from its root element. */
export function svgSize(svg: string): { width: number; height: number } {
	const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
	const width = Number(/\bwidth="([\d.]+)"/.exec(root)?.[1]);
	const height = Number(/\bheight="([\d.]+)"/.exec(root)?.[1]);
	if (!(width > 0 && height > 0)) throw new Error('SVG without a width and height');
	return { width, height };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 40)));

/** A cheap fingerprint of what an image draws at its own size. */
function fingerprint(image: HTMLImageElement, width: number, height: number): number {
	const canvas = document.createElement('canvas');
	canvas.width = Math.max(1, Math.round(width));
	canvas.height = Math.max(1, Math.round(height));
	const ctx = canvas.getContext('2d', { willReadFrequently: true });
	if (!ctx) return 0;
	ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
	const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
	let hash = 0;
	for (let i = 0; i < data.length; i += 4) hash = (hash * 31 + data[i] + data[i + 1] * 3 + data[i + 3] * 7) | 0;
	return hash;
}

/**
 * An SVG image's embedded fonts load after the image has decoded (Chromium draws text in a font
 * still loading as nothing). Draw until three draws a frame apart agree, so the PNG has all its text.
 */
async function settle(image: HTMLImageElement, width: number, height: number): Promise<void> {
	let last = fingerprint(image, width, height);
	let same = 0;
	for (let i = 0; i < 60 && same < 2; i++) {
		await nextFrame();
		const now = fingerprint(image, width, height);
		same = now === last ? same + 1 : 0;
		last = now;
	}
}

const PROBES = [
	{ text: 'กขคงจฉ', weight: 400 },
	{ text: 'กขคงจฉ', weight: 600 },
	{ text: 'AaBb2024', weight: 400 },
	{ text: 'AaBb2024', weight: 600 }
];

/**
 * Before drawing a document with embedded fonts, draw a small probe with the same @font-face rules
 * and a line of text in each face until every line shows ink: the fonts are then decoded and the
 * real drawing does not catch them half-loaded.
 */
async function warmFonts(svg: string): Promise<void> {
	const css = /<style>([\s\S]*?)<\/style>/.exec(svg)?.[1];
	if (!css) return;
	const band = 24;
	const probe =
		`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="${band * PROBES.length}"><style>${css}</style>` +
		PROBES.map(
			(p, i) =>
				`<text x="2" y="${i * band + 18}" font-family="'Noto Sans Thai'" font-size="16" font-weight="${p.weight}">${p.text}</text>`
		).join('') +
		`</svg>`;
	const url = URL.createObjectURL(new Blob([probe], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = 200;
		canvas.height = band * PROBES.length;
		const ctx = canvas.getContext('2d', { willReadFrequently: true });
		if (!ctx) return;
		for (let i = 0; i < 75; i++) {
			ctx.clearRect(0, 0, canvas.width, canvas.height);
			ctx.drawImage(image, 0, 0);
			const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
			const inked = PROBES.every((_, b) => {
				for (let j = b * band * canvas.width * 4; j < (b + 1) * band * canvas.width * 4; j += 4)
					if (data[j + 3] > 128) return true;
				return false;
			});
			if (inked) return;
			await nextFrame();
		}
	} finally {
		URL.revokeObjectURL(url);
	}
}

/**
 * Draws an SVG document onto a canvas `scale` times its size and returns it as PNG. The SVG must
 * carry its fonts (an SVG image loads nothing external).
 */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
	const { width, height } = svgSize(svg);
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		await warmFonts(svg);
		const image = new Image();
		image.src = url;
		await image.decode();
		await settle(image, width, height);
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('No 2D canvas');
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Saves a blob as a file through an object URL and `<a download>`: no network request. */
export function saveBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Copies text with the Clipboard API, else with a selected text field; false when neither works. */
export async function copyText(text: string): Promise<boolean> {
	try {
		if (navigator.clipboard?.writeText) {
			await navigator.clipboard.writeText(text);
			return true;
		}
	} catch {
		// Not allowed here (no permission, insecure context): try the old way.
	}
	const field = document.createElement('textarea');
	field.value = text;
	field.setAttribute('readonly', '');
	field.style.position = 'fixed';
	field.style.opacity = '0';
	document.body.append(field);
	field.select();
	let ok = false;
	try {
		ok = document.execCommand('copy');
	} catch {
		ok = false;
	}
	field.remove();
	return ok;
}
