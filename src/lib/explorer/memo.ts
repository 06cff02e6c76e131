/**
 * Keeps a derived value while its key stays the same. A chart whose input is
 * the same object is not redrawn, so a change of year does not redraw the
 * trend or the issue-area charts, which do not depend on it.
 */
export function keyedMemo<T>(): (key: string, make: () => T) => T {
	let lastKey: string | undefined;
	let last: T;
	return (key, make) => {
		if (key !== lastKey) {
			last = make();
			lastKey = key;
		}
		return last;
	};
}
