export * from './types';
export * from './edits';
export * from './queries';
export * from './layout';
export * from './ids';
