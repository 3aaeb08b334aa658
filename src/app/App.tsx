import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { Persistence } from '../store/persistence';
import { EditorLayout } from './EditorLayout';

/** Shows the editor once the stored map has been restored, so nothing edits (or saves) an empty map first. */
export function App({ persistence }: { persistence: Pick<Persistence, 'ready'> }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void persistence.ready.finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [persistence]);
  if (!ready) {
    return (
      <div className="jd-loading" role="status">
        Opening your journey map…
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <EditorLayout />
    </ReactFlowProvider>
  );
}
