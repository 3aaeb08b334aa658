/** Closes the "Connect to…" picker; focus goes back to what opened it, or else to the card (see connectPicker). */
import { useConnectPicker } from './connectPicker';

export function closeConnectPicker(): void {
  const { source, opener } = useConnectPicker.getState();
  if (source === null) return;
  useConnectPicker.setState({ source: null, opener: null });
  const card = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(source)}"]`);
  (opener?.isConnected ? opener : card)?.focus({ preventScroll: true });
}
