import { editorActions, useEditor } from '../store/editorStore';

/** Non-blocking messages: storage warnings, other-tab changes, refused edits. */
export function Notices() {
  const notices = useEditor((s) => s.notices);
  const editError = useEditor((s) => s.lastEditError);
  return (
    <div className="jd-notices">
      {editError && (
        <div className="jd-notice jd-notice--error" role="alert">
          <span>{editError}</span>
          <button type="button" className="jd-link-button" onClick={editorActions.clearEditError} aria-label="Dismiss message">
            ✕
          </button>
        </div>
      )}
      {notices.map((notice) => (
        <div key={notice.id} className={`jd-notice jd-notice--${notice.kind}`} role={notice.kind === 'info' ? 'status' : 'alert'}>
          <span>{notice.text}</span>
          {notice.actions?.map((action) => (
            <button key={action.label} type="button" className="jd-button" onClick={action.run}>
              {action.label}
            </button>
          ))}
          {!notice.actions && (
            <button type="button" className="jd-link-button" onClick={() => editorActions.dismiss(notice.id)} aria-label="Dismiss message">
              ✕
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
