/** A problem found in a source file, located precisely enough to fix it by hand. */
export interface BuildError {
	/** File name relative to the sources folder, e.g. "road_deaths.csv". */
	file: string;
	/** 1-based line in the file (the header is line 1). */
	line?: number;
	/** 1-based feature number in a GeoJSON file. */
	feature?: number;
	field?: string | readonly string[];
	message: string;
}

export const formatError = (e: BuildError): string => {
	let where = e.file;
	if (e.line !== undefined) where += ` line ${e.line}`;
	if (e.feature !== undefined) where += ` feature ${e.feature}`;
	if (typeof e.field === 'string') where += `, field "${e.field}"`;
	else if (e.field) where += `, fields ${e.field.map((f) => `"${f}"`).join(', ')}`;
	return `${where}: ${e.message}`;
};

export const MAX_REPORTED_ERRORS = 50;

/** Thrown when the sources fail validation; carries every error found. */
export class DataBuildError extends Error {
	readonly errors: readonly BuildError[];

	constructor(errors: readonly BuildError[]) {
		const shown = errors.slice(0, MAX_REPORTED_ERRORS).map(formatError);
		const more = errors.length - shown.length;
		super(
			`data build failed with ${errors.length} error${errors.length === 1 ? '' : 's'}:\n` +
				shown.map((s) => `  ${s}`).join('\n') +
				(more > 0 ? `\n  … and ${more} more` : '')
		);
		this.name = 'DataBuildError';
		this.errors = errors;
	}
}
