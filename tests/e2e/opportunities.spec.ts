import { expect, test, type Locator } from '@playwright/test';
import { openOpportunityCount } from '../../src/domain/opportunities';
import { onlineStoreSample } from '../../src/domain/samples/onlineStore';
import { inspector, nodeCard, openApp } from './support';

const openOn = (id: string) => openOpportunityCount(onlineStoreSample(), id);
const countLabel = (n: number) => `${n} open opportunit${n === 1 ? 'y' : 'ies'}`;

/** A percentage shown by the results panel, as a number. */
async function percent(locator: Locator): Promise<number> {
  const text = (await locator.textContent()) ?? '';
  const match = /(\d+(?:\.\d+)?)%/.exec(text);
  if (!match) throw new Error(`no percentage in "${text}"`);
  return Number(match[1]);
}

test('an opportunity from the checkout friction: valued exactly, marked done after asking, and completion rises', async ({ page }) => {
  await openApp(page);

  // Completion as the journey is today.
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const results = page.getByRole('region', { name: 'Simulation results' });
  await expect(results.getByText('Completion rate')).toBeVisible();
  const exactBefore = await percent(results.getByText(/^Exact:/));
  const simulatedBefore = await percent(results.locator('.jd-big-number'));

  // "Add opportunity" from the checkout's worst friction note opens the panel on the new opportunity.
  const checkout = nodeCard(page, 'Checkout payment');
  await checkout.click();
  await inspector(page).getByRole('button', { name: /^Add opportunity for Payment form is long/ }).click();
  const panel = page.getByRole('dialog', { name: 'Opportunities' });
  await expect(panel).toBeVisible();
  const title = panel.getByRole('row', { name: /^Fix: Payment form is long/ }).getByRole('textbox', { name: 'Title' });
  await expect(title).toBeFocused();
  await title.fill('Simplify payment');
  await title.press('Enter');

  // Its value: the exact rise in completion, in points, once computed.
  const row = panel.getByRole('row', { name: 'Simplify payment' });
  const value = row.locator('.jd-opps__value');
  await expect(value).toHaveText(/^\+\d+\.\d pts$/);
  expect(parseFloat((await value.textContent())!.slice(1))).toBeGreaterThan(0);

  // Done asks first, naming the note it resolves.
  await row.getByRole('combobox', { name: 'Status' }).selectOption('Done');
  const question = page.getByRole('alertdialog', { name: 'Mark “Simplify payment” done? This resolves 1 friction note:' });
  await expect(question.getByRole('listitem')).toContainText('Payment form is long and confusing');
  await question.getByRole('button', { name: 'Mark done' }).click();
  await expect(question).toHaveCount(0);
  await expect(panel.getByRole('status')).toHaveText('Marked “Simplify payment” done and resolved 1 friction note.');
  await expect(row.getByRole('combobox', { name: 'Status' })).toHaveValue('done');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);

  // The note reads resolved in the Inspector; the card counts only open opportunities.
  const note = inspector(page).getByRole('listitem', { name: /^Payment form is long/ });
  await expect(note.getByLabel('Resolve')).toBeChecked();
  await expect(inspector(page).getByRole('button', { name: /^Add opportunity for Payment form is long/ })).toHaveCount(0);
  const expected = openOn('checkout-payment');
  if (expected === 0) await expect(checkout.locator('.jd-opportunity-count')).toHaveCount(0);
  else await expect(checkout.getByLabel(countLabel(expected))).toBeVisible();

  // A new run: completion has risen.
  await expect(results.getByText(/^Stale/)).toBeVisible();
  await results.getByRole('button', { name: 'Run again' }).click();
  await expect(results.getByText(/^Stale/)).toHaveCount(0);
  expect(await percent(results.getByText(/^Exact:/))).toBeGreaterThan(exactBefore);
  expect(await percent(results.locator('.jd-big-number'))).toBeGreaterThan(simulatedBefore);
});

test('the card shows its count of open opportunities; the panel sorts and plots value against effort', async ({ page }) => {
  await openApp(page);
  const cart = nodeCard(page, 'Cart');
  await cart.click();
  const before = openOn('cart');
  await inspector(page).getByRole('button', { name: /^Add opportunity for Shipping costs/ }).click();
  const panel = page.getByRole('dialog', { name: 'Opportunities' });
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(cart.getByLabel(countLabel(before + 1))).toBeVisible();

  await page.getByRole('button', { name: 'Opportunities' }).click();
  await expect(panel).toBeVisible();
  await expect(panel.locator('.jd-opps__value').first()).toHaveText(/pts$/);
  const valueHeader = panel.getByRole('columnheader', { name: /^Value/ });
  await valueHeader.getByRole('button').click();
  await expect(valueHeader).toHaveAttribute('aria-sort', 'descending');
  const shown = await panel.locator('.jd-opps__value').allTextContents();
  const numbers = shown.map((t) => parseFloat(t.replace('−', '-')));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

  await panel.getByRole('tab', { name: 'Value vs effort' }).click();
  const chart = panel.getByRole('group', { name: 'Value vs effort' });
  await expect(chart.getByText('Quick wins', { exact: true })).toBeVisible();
  const point = chart.getByRole('button', { name: /^Fix: Shipping costs appear only at the last step: [+−]\d+\.\d pts, effort M/ });
  await point.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('row', { name: 'Fix: Shipping costs appear only at the last step' }).getByRole('textbox', { name: 'Title' })).toBeFocused();
});
