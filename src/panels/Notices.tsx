import { useEffect } from 'react';
import { editorActions, useEditor, type Notice } from '../store/editorStore';

/** How long an information notice stays (ms); warnings and errors stay until dismissed or resolved. */
const INFO_LIFETIME = 8000;
const INFO_WITH_ACTION_LIFETIME = 15000;

/** Non-blocking messages: storage warnings, other-tab changes, refused edits, import problems. */
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
        <NoticeView key={notice.id} notice={notice} />
      ))}
    </div>
  );
}

function NoticeView({ notice }: { notice: Notice }) {
  useEffect(() => {
    if (notice.kind !== 'info') return;
    const timer = setTimeout(() => editorActions.dismiss(notice.id), notice.actions ? INFO_WITH_ACTION_LIFETIME : INFO_LIFETIME);
    return () => clearTimeout(timer);
  }, [notice]);
  const canDismiss = !notice.actions || notice.dismissable || notice.kind === 'info';
  return (
    <div className={`jd-notice jd-notice--${notice.kind}`} role={notice.kind === 'info' ? 'status' : 'alert'}>
      <div className="jd-notice__text">
        <span>{notice.text}</span>
        {notice.details && notice.details.length > 0 && (
          <ul className="jd-notice__details">
            {notice.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
      </div>
      {notice.actions?.map((action) => (
        <button key={action.label} type="button" className="jd-button" onClick={action.run}>
          {action.label}
        </button>
      ))}
      {canDismiss && (
        <button type="button" className="jd-link-button" onClick={() => editorActions.dismiss(notice.id)} aria-label="Dismiss message">
          ✕
        </button>
      )}
    </div>
  );
}
