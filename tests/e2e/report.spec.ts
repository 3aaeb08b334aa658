import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp } from './support';

/** pdftotext and pdfinfo come with poppler-utils (installed by .ci/run). Words are joined by single spaces. */
function pdfText(path: string): string {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

test('the report runs the simulation, then prints to one A4 landscape page with the map name, completion rate and top hotspot', async ({ page }, testInfo) => {
  await openApp(page);
  const reportButton = page.getByRole('button', { name: 'Report' });
  await reportButton.click();

  const report = page.getByRole('dialog', { name: 'Report' });
  await expect(report.getByRole('heading', { name: 'Report' })).toBeFocused();
  // No results yet: the report simulates first, then shows the page.
  await expect(report.getByRole('heading', { level: 1, name: 'Online store' })).toBeVisible({ timeout: 20_000 });
  await expect(report.locator('.jd-report__page')).toHaveAttribute('aria-busy', 'false');
  await expect(report.getByRole('button', { name: 'Print / Save as PDF' })).toBeEnabled();
  // The sample fits the sheet as designed: not shrunk to fit (which a longer map may need).
  expect(await report.locator('.jd-report__fit').evaluate((el) => getComputedStyle(el).zoom)).toBe('1');

  const rate = (await report.locator('.jd-report__headline-value').textContent()) ?? '';
  expect(rate).toMatch(/^\d+\.\d%$/);
  const topHotspot = (await report.locator('.jd-report__hotspot-name').first().textContent()) ?? '';
  expect(topHotspot).not.toBe('');
  await expect(report.getByRole('heading', { name: 'By persona' })).toBeVisible();
  await expect(report.getByRole('heading', { name: 'How to read this' })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  // REPORT_PDF keeps a copy to look at (e.g. `pdftoppm -r 80 -png $REPORT_PDF page`); test-results/ is cleared by every run.
  const path = process.env.REPORT_PDF ?? testInfo.outputPath('report.pdf');
  writeFileSync(path, pdf);
  const text = pdfText(path);
  expect(text).toContain('Online store');
  expect(text).toContain(rate);
  expect(text).toContain(topHotspot);
  expect(text.toLowerCase()).toContain('how to read this');
  // Only the report prints: none of the editor around it.
  expect(text).not.toContain('Run simulation');
  expect(text).not.toContain('Print / Save as PDF');
  expect(pdfPages(path)).toBe(1);

  await page.emulateMedia({ media: 'screen' });
  await page.keyboard.press('Escape');
  await expect(report).toHaveCount(0);
  await expect(reportButton).toBeFocused();
});

test('the report shows current results without running again, and closes with its Close button', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const results = page.getByRole('region', { name: 'Simulation results' });
  await expect(results.getByText('Completion rate')).toBeVisible();
  const shown = (await results.locator('.jd-big-number').textContent()) ?? '';
  expect(shown).toMatch(/%$/);

  await page.getByRole('button', { name: 'Report' }).click();
  const report = page.getByRole('dialog', { name: 'Report' });
  await expect(report.locator('.jd-report__headline-value')).toHaveText(shown);
  await expect(report.getByRole('progressbar')).toHaveCount(0);
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(report).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Report' })).toBeFocused();
});
