/** The fixed facts of the map file format, in one place so docs, schema and code agree. */
import { SIMULATION_LIMITS } from '../domain/edits';

export const FORMAT_NAME = 'journey-map';
export const FORMAT_VERSION = 5;

/** Identifies the published JSON Schema (public/schema/journey-map.v5.json; earlier versions' files stay for reference). */
export const SCHEMA_ID = `urn:journey-designer:schema:journey-map:v${FORMAT_VERSION}`;

/** Largest map file the app opens: 10 MiB. A large real map (2,000 touchpoints) is well under 2 MiB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Deepest nesting of arrays/objects accepted, counted with the root as level 1. A valid map needs 5; the
 * cap keeps recursive walkers (structured cloning for IndexedDB and workers, JSON.stringify) far from
 * their stack limits.
 */
export const MAX_DEPTH = 64;

export const MAX_ID_LENGTH = 256;
export const RESERVED_IDS = ['__proto__', 'constructor', 'prototype'] as const;

/** Upper bounds for simulation settings, so a file cannot make the app run for hours (the editor's limits). */
export const MAX_CUSTOMERS = SIMULATION_LIMITS.customers.max;
export const MAX_STEPS = SIMULATION_LIMITS.maxSteps.max;
export const MAX_SEED = SIMULATION_LIMITS.seed.max;
