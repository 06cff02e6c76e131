import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox'] });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4241/province/40?lang=en');
await page.waitForTimeout(5000);
console.log(await page.evaluate(() => [document.title, document.documentElement.lang, ...[...document.head.querySelectorAll('link,meta')].map(l => l.outerHTML)].join('\n')));
await browser.close();
