/**
 * Partners, projects and groups of them drawn as circles by a MapLibre custom layer, in the same
 * frame as the provinces. A GeoJSON source goes through MapLibre's worker twice (the data, then
 * its tiles): on a filter change the points came two frames after everything else. The page
 * sends at most a few thousand features (point-groups.ts), few enough to upload and to search
 * under the pointer on the main thread.
 */
import { MercatorCoordinate, type CustomLayerInterface, type CustomRenderMethodInput, type Map } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';

export const POINT_LAYER_ID = 'points';

const TILE_SIZE = 512;
const GROUP_COLOUR = '#0f766e';
const GROUP_OPACITY = 0.75;
const GROUP_STROKE = 1.5;
const POINT_RADIUS = 4.5;
const POINT_STROKE = 1;
const FALLBACK_COLOUR = '#0f766e';
/** Floats per circle: x, y, radius, stroke, r, g, b, a. */
const STRIDE = 8;

/** A group's radius by how many it holds, as the clusters' step expression had it. */
export function groupRadius(count: number): number {
	return count < 10 ? 7 : count < 50 ? 10 : count < 200 ? 14 : count < 1000 ? 19 : 24;
}

function rgb(hex: string): [number, number, number] {
	const m = /^#([0-9a-f]{6})$/i.exec(hex) ?? /^#([0-9a-f]{6})$/i.exec(FALLBACK_COLOUR)!;
	const n = parseInt(m[1], 16);
	return [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
uniform float u_pixel_ratio;
in vec2 a_pos;
in vec2 a_size;
in vec4 a_colour;
out vec4 v_colour;
out vec2 v_size;
out float v_extent;
void main() {
	gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
	v_extent = a_size.x + a_size.y + 1.0;
	gl_PointSize = 2.0 * v_extent * u_pixel_ratio;
	v_colour = a_colour;
	v_size = a_size;
}`;

// Premultiplied alpha, as MapLibre blends: a fill of the circle's colour inside a white ring.
const FRAGMENT = `#version 300 es
precision mediump float;
in vec4 v_colour;
in vec2 v_size;
in float v_extent;
out vec4 colour;
void main() {
	float d = length(gl_PointCoord - 0.5) * 2.0 * v_extent;
	float outside = smoothstep(v_size.x + v_size.y - 0.5, v_size.x + v_size.y + 0.5, d);
	float fill = 1.0 - smoothstep(v_size.x - 0.5, v_size.x + 0.5, d);
	vec4 inner = vec4(v_colour.rgb * v_colour.a, v_colour.a);
	colour = mix(vec4(1.0), inner, fill) * (1.0 - outside);
}`;

/** What the pointer is over: a group (with its count) or one point (with its properties). */
export interface PointHit {
	lon: number;
	lat: number;
	properties: Record<string, unknown>;
	count: number | null;
}

export class PointLayer implements CustomLayerInterface {
	readonly id = POINT_LAYER_ID;
	readonly type = 'custom' as const;
	readonly renderingMode = '2d' as const;

	private map: Map | null = null;
	private program: WebGLProgram | null = null;
	private buffer: WebGLBuffer | null = null;
	/** Our own vertex array: MapLibre's stay as MapLibre set them. */
	private vertices: WebGLVertexArrayObject | null = null;
	private features: FeatureCollection['features'] = [];
	private data = new Float32Array(0);
	private uploaded = true;
	private pending: (() => void) | null = null;
	private drawn: FeatureCollection['features'] = [];

	/** Draws these features from the next frame on; `drawn` is called once a frame has drawn them. */
	setFeatures(collection: FeatureCollection, drawn?: () => void): void {
		this.features = collection.features.filter((f) => f.geometry?.type === 'Point');
		const data = new Float32Array(this.features.length * STRIDE);
		this.features.forEach((f, i) => {
			const [lon, lat] = (f.geometry as Point).coordinates;
			const at = MercatorCoordinate.fromLngLat([lon, lat]);
			const count = f.properties?.point_count as number | undefined;
			const [r, g, b] = rgb(count ? GROUP_COLOUR : String(f.properties?.colour ?? FALLBACK_COLOUR));
			data.set(
				count
					? [at.x, at.y, groupRadius(count), GROUP_STROKE, r, g, b, GROUP_OPACITY]
					: [at.x, at.y, POINT_RADIUS, POINT_STROKE, r, g, b, 1],
				i * STRIDE
			);
		});
		this.data = data;
		this.uploaded = false;
		this.pending = drawn ?? null;
		this.map?.triggerRepaint();
	}

	/** The topmost group or point under a pixel of the map (points are drawn after groups, so on top). */
	hitTest(x: number, y: number): PointHit | null {
		const map = this.map;
		if (!map) return null;
		const at = MercatorCoordinate.fromLngLat(map.unproject([x, y]));
		const world = TILE_SIZE * 2 ** map.getZoom();
		for (let i = this.features.length - 1; i >= 0; i--) {
			const dx = (this.data[i * STRIDE] - at.x) * world;
			const dy = (this.data[i * STRIDE + 1] - at.y) * world;
			const reach = this.data[i * STRIDE + 2] + this.data[i * STRIDE + 3];
			if (dx * dx + dy * dy > reach * reach) continue;
			const f = this.features[i];
			const [lon, lat] = (f.geometry as Point).coordinates;
			const count = (f.properties?.point_count as number | undefined) ?? null;
			return { lon, lat, properties: f.properties ?? {}, count };
		}
		return null;
	}

	/** The features the last frame drew (browser tests read them). */
	drawnFeatures(): FeatureCollection['features'] {
		return this.drawn;
	}

	onAdd(map: Map, gl: WebGL2RenderingContext): void {
		this.map = map;
		const shader = (type: number, source: string) => {
			const s = gl.createShader(type)!;
			gl.shaderSource(s, source);
			gl.compileShader(s);
			if (!gl.getShaderParameter(s, gl.COMPILE_STATUS))
				throw new Error(`point layer shader: ${gl.getShaderInfoLog(s)}`);
			return s;
		};
		const program = gl.createProgram()!;
		gl.attachShader(program, shader(gl.VERTEX_SHADER, VERTEX));
		gl.attachShader(program, shader(gl.FRAGMENT_SHADER, FRAGMENT));
		gl.linkProgram(program);
		if (!gl.getProgramParameter(program, gl.LINK_STATUS))
			throw new Error(`point layer program: ${gl.getProgramInfoLog(program)}`);
		this.program = program;
		this.buffer = gl.createBuffer();
		this.vertices = gl.createVertexArray();
		gl.bindVertexArray(this.vertices);
		gl.bindBuffer(gl.ARRAY_BUFFER, this.buffer);
		const attribute = (name: string, size: number, offset: number) => {
			const at = gl.getAttribLocation(program, name);
			gl.enableVertexAttribArray(at);
			gl.vertexAttribPointer(at, size, gl.FLOAT, false, STRIDE * 4, offset * 4);
		};
		attribute('a_pos', 2, 0);
		attribute('a_size', 2, 2);
		attribute('a_colour', 4, 4);
		gl.bindVertexArray(null);
		this.uploaded = false;
	}

	onRemove(_map: Map, gl: WebGL2RenderingContext): void {
		gl.deleteVertexArray(this.vertices);
		gl.deleteBuffer(this.buffer);
		gl.deleteProgram(this.program);
		this.map = null;
	}

	render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
		const program = this.program;
		if (!program || !this.map) return;
		gl.bindVertexArray(this.vertices);
		gl.bindBuffer(gl.ARRAY_BUFFER, this.buffer);
		if (!this.uploaded) {
			gl.bufferData(gl.ARRAY_BUFFER, this.data, gl.DYNAMIC_DRAW);
			this.uploaded = true;
		}
		if (this.features.length > 0) {
			gl.useProgram(program);
			gl.uniformMatrix4fv(gl.getUniformLocation(program, 'u_matrix'), false, options.defaultProjectionData.mainMatrix);
			gl.uniform1f(gl.getUniformLocation(program, 'u_pixel_ratio'), this.map.getPixelRatio());
			gl.enable(gl.BLEND);
			gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
			gl.drawArrays(gl.POINTS, 0, this.features.length);
		}
		gl.bindVertexArray(null);
		this.drawn = this.features;
		const drawn = this.pending;
		this.pending = null;
		drawn?.();
	}
}
