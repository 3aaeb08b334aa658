// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { editorActions } from '../../src/store/editorStore';
import { makeMap, nodeOf } from '../support/maps';
import { currentMap, editorState, undoSteps } from '../support/store';
import { chooseFile, csvFile, fixtureText, openEvidence, renderEvidence, standInForBrowserApis } from './evidenceSetup';

beforeAll(standInForBrowserApis);

const NPS_QUESTION = /^Role of Q1: How likely are you to recommend our checkout/;
const CSAT_QUESTION = 'Q2: Overall, how satisfied were you with the checkout?';

async function openSurvey(fileName = 'qualtrics.csv', text = fixtureText('qualtrics.csv')) {
  const result = renderEvidence(makeMap());
  const dialog = await openEvidence(result.user);
  await chooseFile(result.user, dialog, 'Import survey (CSV)', csvFile(fileName, text));
  await within(dialog).findByRole('heading', { name: `Survey scores from “${fileName}”` });
  return { ...result, dialog };
}

const preview = (dialog: HTMLElement) => within(dialog).getByRole('region', { name: 'Preview' });
const scoresTable = (dialog: HTMLElement) => within(preview(dialog)).getByRole('table', { name: 'Scores to set' });
const previewRow = (dialog: HTMLElement, touchpoint: string) => within(scoresTable(dialog)).getByRole('row', { name: new RegExp(`^${touchpoint}`) });

describe('importing survey scores', () => {
  it('proposes a mapping for a Qualtrics export, previews scores with n, interval and a thin mark, and imports them as one undo step', async () => {
    const { user, dialog } = await openSurvey();
    expect(within(dialog).getByText(/Qualtrics export: 6 responses, 21 columns \(2 more rows not responses: 1 unfinished, 1 preview or test\)/)).toBeInTheDocument();

    // Proposed: the NPS and CSAT questions, both about Checkout; Qualtrics's derived NPS group column is not used.
    expect(within(dialog).getByRole('combobox', { name: NPS_QUESTION })).toHaveValue('nps');
    expect(within(dialog).getByRole('combobox', { name: /^Touchpoint for Q1: How likely/ })).toHaveValue('tp-checkout');
    expect(within(dialog).getByRole('combobox', { name: `Role of ${CSAT_QUESTION}` })).toHaveValue('csat');
    expect(within(dialog).getByRole('combobox', { name: /^Role of Q1_NPS_GROUP/ })).toHaveValue('');
    expect(within(dialog).getByRole('combobox', { name: /^Role of Status/ })).toHaveValue('');

    // The preview: the summary line, and Checkout's scores with their intervals, n and thin marks.
    expect(within(preview(dialog)).getByText('6 responses, 1 skipped: 1 blank.')).toBeInTheDocument();
    expect(within(preview(dialog)).getByText('2 responses skipped: 1 unfinished, 1 preview.')).toBeInTheDocument();
    const checkout = previewRow(dialog, 'Checkout');
    expect(checkout).toHaveTextContent('+16.7 ±71.8');
    expect(checkout).toHaveTextContent('n = 6 · thin');
    expect(checkout).toHaveTextContent('80% ±');
    expect(checkout).toHaveTextContent('n = 5 · thin');

    // A changed role and measure update the preview at once: CSAT goes to the product page, as a mean.
    await user.selectOptions(within(dialog).getByRole('combobox', { name: `Touchpoint for ${CSAT_QUESTION}` }), 'Product page');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'CSAT as' }), 'Mean (1–5)');
    expect(previewRow(dialog, 'Checkout')).not.toHaveTextContent('80%');
    const product = previewRow(dialog, 'Product page');
    expect(product).toHaveTextContent('4 ±1.1');
    expect(product).toHaveTextContent('now 81%');

    const before = currentMap();
    await user.click(within(dialog).getByRole('button', { name: 'Import scores' }));
    expect(screen.queryByRole('dialog', { name: 'Evidence' })).not.toBeInTheDocument();
    expect(undoSteps()).toBe(1);
    expect(nodeOf(currentMap(), 'tp-checkout').scores).toMatchObject({ nps: 16.7, responses: 6, evidence: { nps: { n: 6, low: -55.1, high: 88.5 } } });
    // The product page's CSAT is now a mean with its evidence; its NPS and CES, typed by hand, stay.
    expect(nodeOf(currentMap(), 'tp-web').scores).toMatchObject({ nps: 31, ces: 5.6, csat: 4, evidence: { csat: { n: 5, measure: 'mean' } } });
    expect(screen.getByRole('status')).toHaveTextContent('Scores from 6 responses set on 2 touchpoints.');
    expect(screen.getByRole('status')).toHaveTextContent('Product page: CSAT 4 ±1.1 (n = 5)');

    // The mapping is remembered: the next file of the same survey is mapped the same way without asking.
    const again = await openEvidence(user);
    await chooseFile(user, again, 'Import survey (CSV)', csvFile('qualtrics-june.csv', fixtureText('qualtrics.csv')));
    await within(again).findByRole('heading', { name: 'Survey scores from “qualtrics-june.csv”' });
    expect(within(again).getByRole('combobox', { name: `Touchpoint for ${CSAT_QUESTION}` })).toHaveValue('tp-web');
    expect(within(again).getByRole('combobox', { name: 'CSAT as' })).toHaveValue('mean');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Evidence' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Evidence' })).toHaveFocus();

    // One undo puts every previous score back, and forgets the mapping with them.
    act(() => editorActions.undo());
    expect(nodeOf(currentMap(), 'tp-web').scores).toEqual(nodeOf(before, 'tp-web').scores);
    expect(nodeOf(currentMap(), 'tp-checkout').scores).toBeUndefined();
    expect(currentMap().imports).toBeUndefined();
  });

  it('lists what blocks the import, and imports only once every score column has a touchpoint', async () => {
    const { user, dialog } = await openSurvey();
    const importButton = within(dialog).getByRole('button', { name: 'Import scores' });
    expect(importButton).toBeEnabled();

    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Touchpoint for Q1: How likely/ }), 'Choose a touchpoint…');
    expect(importButton).toBeDisabled();
    expect(importButton).toHaveAccessibleDescription(/Before importing: .*Choose the touchpoint “How likely are you to recommend our checkout/);

    await user.selectOptions(within(dialog).getByRole('combobox', { name: NPS_QUESTION }), 'Not used');
    expect(importButton).toBeEnabled();
    expect(within(scoresTable(dialog)).getAllByRole('row')).toHaveLength(2);
    expect(previewRow(dialog, 'Checkout')).not.toHaveTextContent('+16.7');
  });

  it('maps the values of a touchpoint column to touchpoints, and score columns follow it row by row', async () => {
    const { user, dialog } = await openSurvey('touchpoints.csv', fixtureText('touchpoint-column.csv'));
    expect(within(dialog).getByRole('combobox', { name: 'Role of Touchpoint' })).toHaveValue('touchpoint');
    expect(within(dialog).getByRole('combobox', { name: 'Touchpoint for Likelihood to recommend (0-10)' })).toHaveDisplayValue('From the touchpoint column');
    const values = within(dialog).getByRole('table', { name: 'Touchpoints named in Touchpoint' });
    expect(within(values).getByRole('combobox', { name: 'Touchpoint for value Checkout' })).toHaveValue('tp-checkout');
    expect(within(values).getByRole('combobox', { name: 'Touchpoint for value Store kiosk' })).toHaveValue('');
    expect(within(preview(dialog)).getByText(/2 responses named no mapped touchpoint/)).toBeInTheDocument();
    expect(previewRow(dialog, 'Checkout')).toHaveTextContent('n = 3 · thin');

    await user.selectOptions(within(values).getByRole('combobox', { name: 'Touchpoint for value Store kiosk' }), 'Checkout');
    expect(previewRow(dialog, 'Checkout')).toHaveTextContent('n = 4 · thin');
    expect(within(preview(dialog)).getByText(/1 response named no mapped touchpoint/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Import scores' }));
    expect(undoSteps()).toBe(1);
    expect(currentMap().imports?.survey?.columns.find((c) => c.role === 'touchpoint')?.values).toContainEqual({ value: 'Store kiosk', node: 'tp-checkout' });
  });

  it('opens with focus on the first import, keeps Tab inside, and closes on Escape with focus back on the button', async () => {
    const { user } = renderEvidence(makeMap());
    const dialog = await openEvidence(user);
    expect(within(dialog).getByLabelText('Import survey (CSV)')).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(dialog).getByLabelText('Import paths (CSV)')).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Evidence' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Evidence' })).toHaveFocus();
  });

  it('explains a file that cannot be read, next to its button, and changes nothing', async () => {
    const { user } = renderEvidence(makeMap());
    const dialog = await openEvidence(user);
    await chooseFile(user, dialog, 'Import survey (CSV)', csvFile('broken.csv', 'Respondent,NPS\n1,"9\n2,10\n'));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('“broken.csv” could not be read as survey responses, so nothing was changed.');
    expect(alert).toHaveTextContent('Row 2: a quoted cell is never closed: check the quotation marks');

    await chooseFile(user, dialog, 'Import funnel (CSV)', csvFile('survey.csv', 'Respondent,NPS\n1,9\n'));
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('“survey.csv” could not be read as funnel counts'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/Row 1: the header must name the columns step and users/);
    expect(undoSteps()).toBe(0);
    expect(editorState().notices).toEqual([]);
  });
});
