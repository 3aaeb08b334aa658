import type { Emotion, JourneyNode } from '../../domain/types';
import { openFriction, worstOpenSeverity } from '../../domain/queries';
import { scoreChipContents } from '../../render/scoreView';

const EMOTION_WORDS: Record<Emotion, string> = {
  [-2]: 'very negative',
  [-1]: 'negative',
  0: 'neutral',
  1: 'positive',
  2: 'very positive',
};
/** Mouth curve of the face per emotion: control-point y of a quadratic curve (12 = flat). */
const MOUTH_CURVE: Record<Emotion, number> = { [-2]: 7, [-1]: 9.5, 0: 12, 1: 14.5, 2: 17 };
const FACE_COLOURS: Record<Emotion, string> = { [-2]: '#b91c1c', [-1]: '#ea580c', 0: '#64748b', 1: '#16a34a', 2: '#047857' };

export function emotionWord(emotion: Emotion): string {
  return EMOTION_WORDS[emotion];
}

export function EmotionMarker({ emotion }: { emotion: Emotion | undefined }) {
  if (emotion === undefined) return null;
  return (
    <span className={`jd-emotion jd-emotion--${emotion}`} role="img" aria-label={`Emotion: ${emotionWord(emotion)}`} title={`Emotion: ${emotionWord(emotion)} (${emotion > 0 ? '+' : ''}${emotion})`}>
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <circle cx="10" cy="10" r="8.5" fill="none" stroke={FACE_COLOURS[emotion]} strokeWidth="1.6" />
        <circle cx="7" cy="8" r="1.2" fill={FACE_COLOURS[emotion]} />
        <circle cx="13" cy="8" r="1.2" fill={FACE_COLOURS[emotion]} />
        <path d={`M6 12.5 Q10 ${MOUTH_CURVE[emotion] + 0.5} 14 12.5`} fill="none" stroke={FACE_COLOURS[emotion]} strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    </span>
  );
}

/** NPS / CSAT / CES with their intervals (scores from survey answers) and the sample size behind them. */
export function ScoreStrip({ scores }: { scores: JourneyNode['scores'] }) {
  const chips = scoreChipContents(scores);
  if (chips.length === 0) return null;
  return (
    <dl className="jd-scores">
      {chips.map((chip) => (
        <div
          key={chip.term}
          className={`jd-score${chip.tone === 'count' ? ' jd-score--n' : chip.tone === 'plain' ? '' : ` jd-score--${chip.tone}`}${chip.thin ? ' jd-score--thin' : ''}`}
          title={chip.title}
        >
          <dt>{chip.term}</dt>
          <dd aria-label={chip.title}>
            {chip.value}
            {chip.interval && <span className="jd-score__ci"> {chip.interval}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function FrictionBadge({ friction }: { friction: JourneyNode['friction'] }) {
  const open = openFriction({ friction }).length;
  if (open === 0) return null;
  const worst = worstOpenSeverity({ friction });
  const text = `${open} open friction note${open === 1 ? '' : 's'}, highest severity ${worst}`;
  return (
    <span className={`jd-friction jd-friction--s${worst}`} title={text} aria-label={text}>
      ⚠ {open} · S{worst}
    </span>
  );
}


