// Makes docs/screenshot.png: the sample map at 1440×900 with the checkout touchpoint selected.
// Usage: npm run screenshot (builds first).
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  const checkout = page.locator('.react-flow__node', { hasText: 'Checkout payment' });
  await checkout.waitFor();
  await checkout.click();
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: process.argv[2] ?? 'docs/screenshot.png' });
  console.log('wrote', process.argv[2] ?? 'docs/screenshot.png');
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
