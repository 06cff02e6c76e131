import { test, expect } from './fixtures';

test('home page loads with a title and stays on its own origin', async ({ page, requestLog }) => {
	const response = await page.goto('/');
	expect(response?.status(), 'status of /').toBe(200);

	await expect(page).toHaveTitle(/\S/);

	// Give lazily started work (workers, wasm, data files, map tiles) a chance to
	// issue its requests, so the automatic same-origin check in fixtures.ts sees them.
	await page.waitForLoadState('networkidle');
	expect(requestLog.length).toBeGreaterThan(0);
});
