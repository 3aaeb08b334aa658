/**
 * Where the "Connect to…" picker appears once opened (key C on a card, or the Inspector's button). Loaded just
 * after the editor, out of the first script; the picker itself when first opened.
 */
import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { loadConnectDialog, useConnectPicker } from './connectPicker';

const ConnectDialog = lazy(loadConnectDialog);

export function ConnectPickerHost() {
  const source = useConnectPicker((s) => s.source);
  if (source === null) return null;
  return createPortal(
    <Suspense fallback={null}>
      <ConnectDialog key={source} source={source} />
    </Suspense>,
    document.body,
  );
}

export default ConnectPickerHost;
