import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'shots-'));
for (const lang of ['th', 'en'] as const)
	test(`shot ${lang}`, async ({ page }) => {
		writeFileSync(join(dir, 'ตัวชี้วัดของฉัน.csv'), '\uFEFFจังหวัด,ปี พ.ศ.,ค่า,หมายเหตุ\nกทม.,2566,"1,250.5",x\nจ.สุราษฏร์ธานี,2566,80,\nเมืองลับแล,2566,70,\n');
		writeFileSync(join(dir, 'broken.parquet'), Buffer.from('PAR1garbage'));
		writeFileSync(join(dir, 'population.csv'), 'province_code,year,total\n10,2023,5000000\n40,2023,1800000\n');
		await page.setViewportSize({ width: 1280, height: 1700 });
		await page.goto(`/data${lang === 'en' ? '?lang=en' : ''}`);
		await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready', { timeout: 45_000 });
		await page.locator('.drop input[type=file]').setInputFiles([join(dir, 'population.csv'), join(dir, 'broken.parquet'), join(dir, 'ตัวชี้วัดของฉัน.csv')]);
		await expect(page.locator('li[data-file="ตัวชี้วัดของฉัน.csv"]')).toHaveAttribute('data-status', 'mapping');
		await page.locator('#sql-input').fill("SELECT province_code, name_th, name_en FROM provinces LIMIT 5");
		await page.locator('.console button.primary').click();
		await expect(page.locator('#sql-result tbody tr')).toHaveCount(5);
		await page.screenshot({ path: `/tmp/upload-${lang}.png`, fullPage: true });
	});
