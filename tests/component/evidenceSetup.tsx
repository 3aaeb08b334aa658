/** Test API for the Evidence dialog's component tests: open it from its toolbar button, hand it a CSV file. */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useShortcuts } from '../../src/app/useShortcuts';
import { standInForModalDialogs } from '../support/dialogs';
import type { JourneyMap } from '../../src/domain/types';
import { EvidenceButton } from '../../src/panels/evidence/EvidenceButton';
import { Notices } from '../../src/panels/Notices';
import { renderWithStore } from '../support/render';

/** jsdom's File has no text(); this stands in for the browser's. Dialogs as in standInForModalDialogs. */
export async function standInForBrowserApis(): Promise<void> {
  if (typeof File.prototype.text !== 'function') {
    File.prototype.text = function text(this: File) {
      return new Promise<string>((done, fail) => {
        const reader = new FileReader();
        reader.onload = () => done(String(reader.result));
        reader.onerror = () => fail(reader.error);
        reader.readAsText(this);
      });
    };
  }
  await standInForModalDialogs();
}

export const fixtureText = (name: string): string => readFileSync(resolve(__dirname, '../fixtures/evidence', name), 'utf8');

export const csvFile = (name: string, text: string): File => new File([text], name, { type: 'text/csv' });

/** The toolbar button as the app has it, with the app's undo shortcuts and notices. */
function Toolbar() {
  useShortcuts();
  return (
    <>
      <EvidenceButton />
      <Notices />
    </>
  );
}

export function renderEvidence(map?: JourneyMap) {
  return renderWithStore(<Toolbar />, map ? { map } : {});
}

export async function openEvidence(user: UserEvent): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Evidence' }));
  return screen.findByRole('dialog', { name: 'Evidence' });
}

/** Chooses `file` for one of the three imports and waits for its step (or its error). */
export async function chooseFile(user: UserEvent, dialog: HTMLElement, label: string, file: File): Promise<void> {
  await user.upload(within(dialog).getByLabelText(label), file);
}
