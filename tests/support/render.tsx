/** Renders a component against a freshly reset store, with a user-event session. */
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { JourneyMap } from '../../src/domain/types';
import type { Selection } from '../../src/store/editorStore';
import { loadStore } from './store';

export interface StoreRenderOptions {
  map?: JourneyMap;
  selection?: Partial<Selection>;
}

export function renderWithStore(ui: ReactElement, options: StoreRenderOptions = {}): RenderResult & { user: UserEvent } {
  loadStore(options.map, options.selection);
  const user = userEvent.setup();
  return { user, ...render(ui) };
}
