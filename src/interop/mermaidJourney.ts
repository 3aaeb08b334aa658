/**
 * Mermaid `journey` diagrams, both ways. Pure: runs in Node, a worker and tests unchanged. The app loads
 * the import and export halves separately (mermaidImport.ts, mermaidWrite.ts) when they are first used.
 */
export {
  parseMermaidJourney,
  readMermaidJourney,
  emotionOfScore,
  START_LABEL,
  DONE_LABEL,
  type JourneyReading,
  type MermaidImport,
  type MermaidProblem,
} from './mermaidImport';
export { writeMermaidJourney, scoreOfEmotion, type MermaidWriteOptions } from './mermaidWrite';
export { mainPath } from './mainPath';
export { findJourneySource, isMermaidJourney } from './mermaidSource';
