/**
 * Builds the sites the benchmark serves, in a scratch copy of the project under
 * bench-results/ (its own .svelte-kit and static/data; the repository's build/
 * and static/data/ are never touched):
 *   bench-results/site-bundled/        the app as `npm run build` makes it
 *   bench-results/site-scale-S/        the same sources built with S synthetic indicators
 * Both come from one copy of src/, so a file edited during the run cannot make them differ.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { access, cp, mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildData, type Manifest } from '../../data/build/build.ts';

/** Runs a command in its own process group; kills the whole group when it overruns. */
export function run(
	command: string,
	args: string[],
	{ cwd, timeoutMs }: { cwd: string; timeoutMs: number }
): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
		let output = '';
		const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// already gone
			}
			reject(new Error(`${command} ${args.join(' ')} took longer than ${timeoutMs} ms`));
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) resolve();
			else
				reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output.slice(-4000)}`));
		});
	});
}

const exists = (file: string) =>
	access(file).then(
		() => true,
		() => false
	);

/** Adds every file under `dir` (path and content, in a fixed order) to `hash`. */
async function hashTree(hash: Hash, dir: string, rel = ''): Promise<void> {
	const entries = (await readdir(path.join(dir, rel), { withFileTypes: true })).sort((a, b) =>
		a.name.localeCompare(b.name)
	);
	for (const entry of entries) {
		const child = path.join(rel, entry.name);
		if (entry.isDirectory()) {
			if (!['node_modules', '.svelte-kit', 'build'].includes(entry.name)) await hashTree(hash, dir, child);
		} else if (entry.isFile()) {
			hash
				.update(`${child}\0`)
				.update(await readFile(path.join(dir, child)))
				.update('\0');
		}
	}
}

/** What a site build is made from: everything but outputs, caches and the data. */
const PROJECT_FILES = ['src', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json'];

/** Sample partners and projects in a site (the data build's defaults when left out). */
export interface NetworkSize {
	partners?: number;
	projects?: number;
}

export interface Site {
	dir: string;
	/** Hash of everything the site was built from (sources, data build, scale, seed); an equal hash means an equal site. */
	inputs: string;
	/** True when an earlier run's site with the same inputs was served instead of building it again. */
	reused?: boolean;
	/** What it was built from: the git commit (and whether the tree had edits) or the --ref, and when. */
	builtFrom: string;
	builtAt: string;
	/** 0 = the bundled data. */
	scale: number;
	manifest: Manifest;
	dataMs: number;
	buildMs: number;
}

export class SiteBuilder {
	private readonly project: string;
	private inputs = '';

	private constructor(
		private readonly root: string,
		private readonly outRoot: string
	) {
		this.project = path.join(outRoot, 'project');
	}

	/**
	 * Copies the project's sources (src/, static/ without data/, config) into
	 * bench-results/project/: from the working tree, or with `ref` from that git
	 * revision (read with git archive; the baseline page src/routes/bench/ is
	 * taken from the working tree when the revision lacks it).
	 */
	static async snapshot(root: string, outRoot: string, ref?: string): Promise<SiteBuilder> {
		const builder = new SiteBuilder(root, outRoot);
		const project = builder.project;
		await rm(project, { recursive: true, force: true });
		await mkdir(path.join(project, 'static'), { recursive: true });
		if (ref) {
			execFileSync(
				'sh',
				[
					'-c',
					'git archive --format=tar "$1" -- src static $2 | tar -x -C "$3"',
					'sh',
					ref,
					PROJECT_FILES.slice(1).join(' '),
					project
				],
				{
					cwd: root,
					stdio: ['ignore', 'ignore', 'pipe'],
					timeout: 60_000
				}
			);
			await rm(path.join(project, 'static', 'data'), { recursive: true, force: true });
			const bench = path.join('src', 'routes', 'bench');
			if (!(await exists(path.join(project, bench))))
				await cp(path.join(root, bench), path.join(project, bench), { recursive: true });
		} else {
			for (const file of PROJECT_FILES) await cp(path.join(root, file), path.join(project, file), { recursive: true });
			for (const entry of await readdir(path.join(root, 'static')))
				if (entry !== 'data')
					await cp(path.join(root, 'static', entry), path.join(project, 'static', entry), { recursive: true });
		}
		const hash = createHash('sha256');
		await hashTree(hash, project);
		// The data build runs from the working tree (it is imported by the harness).
		await hashTree(hash, path.join(root, 'data'));
		await hashTree(hash, path.join(root, 'tests', 'bench'));
		builder.inputs = hash.digest('hex').slice(0, 16);
		await symlink(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
		return builder;
	}

	static siteDir(outRoot: string, scale: number): string {
		return path.join(outRoot, scale > 0 ? `site-scale-${scale}` : 'site-bundled');
	}

	/**
	 * Writes the data (with `scale` synthetic indicators and `network`'s numbers of sample partners and
	 * projects) into the copy's static/data
	 * and builds the site from it. The app prerenders a snapshot of its data into
	 * the HTML, so the site is rebuilt for each size rather than swapping data/.
	 */
	async build(
		scale: number,
		seed: number | undefined,
		timeoutMs: number,
		builtFrom: string,
		network: NetworkSize = {}
	): Promise<Site> {
		const inputs = `${this.inputs}-${scale}-${seed ?? 'default'}-${network.partners ?? 'default'}-${network.projects ?? 'default'}`;
		const previous = await SiteBuilder.existing(this.outRoot, scale).catch(() => null);
		if (previous?.inputs === inputs) return { ...previous, reused: true };

		const dataDir = path.join(this.project, 'static', 'data');
		await rm(dataDir, { recursive: true, force: true });
		let t = Date.now();
		const manifest = await buildData({
			sourcesDir: path.join(this.root, 'data/sources'),
			outDir: dataDir,
			scale,
			seed,
			samplePartners: network.partners,
			sampleProjects: network.projects
		});
		const dataMs = Date.now() - t;

		t = Date.now();
		await rm(path.join(this.project, 'build'), { recursive: true, force: true });
		await run(process.execPath, [path.join(this.root, 'node_modules/vite/bin/vite.js'), 'build'], {
			cwd: this.project,
			timeoutMs
		});
		const dir = SiteBuilder.siteDir(this.outRoot, scale);
		await rm(dir, { recursive: true, force: true });
		await rename(path.join(this.project, 'build'), dir);
		const site: Site = {
			dir,
			inputs,
			builtFrom,
			builtAt: new Date().toISOString(),
			scale,
			manifest,
			dataMs,
			buildMs: Date.now() - t
		};
		await writeFile(`${dir}.json`, JSON.stringify({ ...site, manifest: undefined }, null, 1));
		return site;
	}

	/** A site an earlier run built (for --no-build). */
	static async existing(outRoot: string, scale: number): Promise<Site> {
		const dir = SiteBuilder.siteDir(outRoot, scale);
		if (!(await exists(path.join(dir, 'index.html'))))
			throw new Error(`${path.basename(dir)}/ is missing in ${outRoot}: run without --no-build first`);
		const manifest = JSON.parse(await readFile(path.join(dir, 'data', 'manifest.json'), 'utf8')) as Manifest;
		const info = JSON.parse(await readFile(`${dir}.json`, 'utf8').catch(() => '{}')) as Partial<Site>;
		return {
			dir,
			inputs: info.inputs ?? '',
			scale,
			manifest,
			dataMs: info.dataMs ?? 0,
			buildMs: info.buildMs ?? 0,
			builtFrom: info.builtFrom ?? '?',
			builtAt: info.builtAt ?? '?'
		};
	}

	async dispose(): Promise<void> {
		await rm(this.project, { recursive: true, force: true });
	}
}
