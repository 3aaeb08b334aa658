/**
 * Compile-time proof that the schema and the domain model describe the same thing: if a field is added,
 * renamed or retyped on one side only, `tsc` fails here.
 */
import type * as v from 'valibot';
import type { JourneyMap } from '../domain/types';
import type { journeyMapSchema } from './schema';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type SchemaOutputIsJourneyMap = Assert<Equals<v.InferOutput<typeof journeyMapSchema>, JourneyMap>>;
