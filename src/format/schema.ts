/**
 * The map file format as one valibot schema. It validates imports at runtime, its inferred output type is
 * checked against the domain's `JourneyMap` (schemaMatchesModel.ts), and the published JSON Schema is
 * generated from it (jsonSchema.ts). Unknown object fields are dropped: valibot's `object` builds a fresh
 * output holding only the fields listed here, which also means a `__proto__` key in a file is never copied.
 */
import * as v from 'valibot';
import { MAX_COORDINATE, MAX_WEIGHT } from '../domain/edits';
import { STAGE_MAX_WIDTH, STAGE_MIN_WIDTH, STAGE_WIDTH, STICKY_WIDTH } from '../domain/layout';
import { MAX_NOTE_LENGTH, STICKY_MAX_WIDTH, STICKY_MIN_WIDTH } from '../domain/notes';
import { MAX_TITLE_LENGTH } from '../domain/opportunities';
import { MAX_NAME_LENGTH } from '../domain/structure';
import { COLOUR_PATTERN } from '../domain/types';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  MAX_CUSTOMERS,
  MAX_ID_LENGTH,
  MAX_SEED,
  MAX_STEPS,
  RESERVED_IDS,
} from './constants';

const id = (what: string) =>
  v.pipe(
    v.string(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`),
    v.notValues(RESERVED_IDS, 'must not be "__proto__", "constructor" or "prototype"'),
    v.description(`Identifier of the ${what}, unique within the map.`),
  );

const text = (description: string) => v.pipe(v.string(), v.description(description));

const between = (min: number, max: number, description: string) => {
  const message = `must be between ${min} and ${max}`;
  return v.pipe(v.number(), v.finite(message), v.minValue(min, message), v.maxValue(max, message), v.description(description));
};

const wholeBetween = (min: number, max: number, description: string) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return v.pipe(v.number(), v.safeInteger(message), v.minValue(min, message), v.maxValue(max, message), v.description(description));
};

/** A probability a customer is lost: at least 0 and below 1 (1 would lose everyone). */
const lossProbability = (description: string) => {
  const message = 'must be at least 0 and below 1';
  return v.pipe(v.number(), v.finite(message), v.minValue(0, message), v.ltValue(1, message), v.description(description));
};

/** A relative weight or share: above 0 and at most MAX_WEIGHT, so sums of them never overflow. */
const positive = (description: string) => {
  const message = `must be above 0 and at most ${MAX_WEIGHT}`;
  return v.pipe(v.number(), v.finite(message), v.gtValue(0, message), v.maxValue(MAX_WEIGHT, message), v.description(description));
};

const coordinate = (description: string) => {
  const message = `must be a number from -${MAX_COORDINATE} to ${MAX_COORDINATE}`;
  return v.pipe(v.number(), v.finite(message), v.minValue(-MAX_COORDINATE, message), v.maxValue(MAX_COORDINATE, message), v.description(description));
};

const colour = (description: string) =>
  v.pipe(v.string(), v.regex(COLOUR_PATTERN, 'must be a colour written #rrggbb (lower-case hex)'), v.description(description));

const name = (description: string) =>
  v.pipe(
    v.string(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`),
    v.description(description),
  );

export const stageSchema = v.object({
  id: id('stage'),
  name: name('Stage name shown above its band, e.g. "Awareness" (unique within the map).'),
  colour: v.optional(colour('Tint of the stage band, #rrggbb. Absent: the neutral band.')),
  width: v.optional(
    between(STAGE_MIN_WIDTH, STAGE_MAX_WIDTH, `Width of the stage band in pixels; absent means ${STAGE_WIDTH}. Bands sit side by side from x = 0.`),
  ),
});

export const channelSchema = v.object({
  id: id('channel'),
  name: name('Channel name, e.g. "Website", "Phone" (unique within the map).'),
  colour: v.optional(colour('Colour of the channel chip and palette item, #rrggbb. Absent: neutral grey.')),
});

export const positionSchema = v.pipe(
  v.object({
    x: coordinate(`Left edge of the node on the canvas, in pixels. Stage bands (${STAGE_WIDTH} px wide unless a stage sets its width) sit side by side from x = 0.`),
    y: coordinate('Top edge of the node on the canvas, in pixels (grows downwards).'),
  }),
  v.description('Top-left corner of the node on the canvas, in pixels.'),
);

const scoreEvidenceEntries = (unit: string) => ({
  n: wholeBetween(1, Number.MAX_SAFE_INTEGER, 'Answers the score was computed from (whole number ≥ 1); fewer than 30 make it thin.'),
  low: v.pipe(v.number(), v.finite('must be a finite number'), v.description(`Lower end of the 95% interval, ${unit}.`)),
  high: v.pipe(v.number(), v.finite('must be a finite number'), v.description(`Upper end of the 95% interval, ${unit}.`)),
});

export const scoresEvidenceSchema = v.pipe(
  v.object({
    nps: v.optional(v.pipe(v.object(scoreEvidenceEntries('in NPS points')), v.description('NPS from 0–10 answers; interval NPS ± 1.96·100·√((p + d − (p − d)²)/n).'))),
    csat: v.optional(
      v.pipe(
        v.object({
          ...scoreEvidenceEntries('in the units of csat'),
          measure: v.pipe(
            v.picklist(['top2', 'mean'], 'must be "top2" or "mean"'),
            v.description('"top2": csat is the % of 4s and 5s (Wilson interval); "mean": csat is the mean answer, 1 to 5.'),
          ),
        }),
        v.description('CSAT from 1–5 answers.'),
      ),
    ),
    ces: v.optional(
      v.pipe(
        v.object({
          ...scoreEvidenceEntries('in the units of ces'),
          measure: v.pipe(
            v.picklist(['mean', 'top3'], 'must be "mean" or "top3"'),
            v.description('"mean": ces is the mean answer, 1 to 7; "top3": ces is the % of 5–7 answers, 0 to 100 (Wilson interval).'),
          ),
        }),
        v.description('CES from 1–7 answers.'),
      ),
    ),
  }),
  v.description('Scores computed from survey responses (format version 5): sample size and 95% interval per score.'),
);

export const scoresSchema = v.pipe(
  v.object({
    nps: v.optional(between(-100, 100, 'Net Promoter Score: % promoters (9–10) − % detractors (0–6), from −100 to 100.')),
    csat: v.optional(
      between(0, 100, 'Customer satisfaction: % of 4s and 5s on a 1–5 survey, 0 to 100 (the mean answer, 1 to 5, when evidence.csat.measure is "mean").'),
    ),
    ces: v.optional(
      between(0, 100, 'Customer Effort Score: mean agreement on a 1–7 scale ("made it easy"); the % of 5–7 answers (0 to 100) when evidence.ces.measure is "top3".'),
    ),
    responses: v.optional(
      wholeBetween(0, Number.MAX_SAFE_INTEGER, 'Number of survey responses behind the scores (whole number ≥ 0).'),
    ),
    evidence: v.optional(scoresEvidenceSchema),
  }),
  v.description('Feedback scores measured at a touchpoint. Every score is optional.'),
);

const count = (description: string) => wholeBetween(0, Number.MAX_SAFE_INTEGER, description);

export const observedDropOffSchema = v.pipe(
  v.object({
    entered: count('Customers observed arriving here.'),
    left: count('Of them, customers observed abandoning here (at most `entered`).'),
    designed: v.optional(lossProbability('The effective drop-off the map had before it was first calibrated.')),
  }),
  v.description('Counts the drop-off was calibrated from (format version 5); its posterior is Beta(left + 1, entered − left + 1).'),
);

export const observedTransitionsSchema = v.pipe(
  v.object({
    count: count('Customers observed taking this edge.'),
    designed: v.optional(positive('The weight the edge had before it was first calibrated.')),
  }),
  v.description('Counts the weight was calibrated from (format version 5).'),
);

export const severitySchema = v.pipe(
  v.picklist([1, 2, 3, 4, 5], 'must be a whole number from 1 to 5'),
  v.description('How badly the friction hurts, 1 (minor) to 5 (blocks the journey).'),
);

export const emotionSchema = v.pipe(
  v.picklist([-2, -1, 0, 1, 2], 'must be a whole number from -2 to 2'),
  v.description('How the customer feels here, −2 (very negative) to +2 (very positive).'),
);

export const frictionNoteSchema = v.object({
  id: id('friction note within its node'),
  note: text('What frustrates or slows the customer, as plain text.'),
  severity: severitySchema,
  resolved: v.optional(v.pipe(v.boolean(), v.description('True once the friction has been fixed; absent means open.'))),
});

export const nodeSchema = v.object({
  id: id('node'),
  kind: v.pipe(
    v.picklist(['entry', 'touchpoint', 'outcome'], 'must be "entry", "touchpoint" or "outcome"'),
    v.description('entry: where customers start; touchpoint: an interaction; outcome: where a journey ends.'),
  ),
  label: text('Name shown on the node.'),
  stage: v.optional(text('Id of a stage in `stages`.')),
  channel: v.optional(text('Id of a channel in `channels`.')),
  position: positionSchema,
  description: v.optional(text('Longer notes, plain text.')),
  scores: v.optional(scoresSchema),
  emotion: v.optional(emotionSchema),
  friction: v.optional(
    v.pipe(v.array(frictionNoteSchema), v.description('Friction notes (pain points) at this node; defaults to none.')),
    () => [],
  ),
  dropOff: v.optional(
    lossProbability('Probability (0 to below 1) that a customer abandons here; when absent it follows from open friction.'),
  ),
  share: v.optional(positive(`Entries only: relative share of customers who start here (> 0 and ≤ ${MAX_WEIGHT}; treated as 1 when absent).`)),
  result: v.optional(
    v.pipe(
      v.picklist(['success', 'failure'], 'must be "success" or "failure"'),
      v.description('Outcomes only: whether ending here is a success or a failure.'),
    ),
  ),
  observed: v.optional(observedDropOffSchema),
});

export const edgeSchema = v.object({
  id: id('edge'),
  source: text('Id of the node the customer comes from (not an outcome).'),
  target: text('Id of the node the customer goes to (not an entry).'),
  weight: v.optional(positive(`Relative likelihood among the source's outgoing edges (> 0 and ≤ ${MAX_WEIGHT}; defaults to 1).`), 1),
  label: v.optional(text('Short text shown on the edge.')),
  observed: v.optional(observedTransitionsSchema),
});

export const stickyNoteSchema = v.object({
  id: id('sticky note (unique among nodes, edges and notes)'),
  text: v.pipe(
    v.string(),
    v.maxLength(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`),
    v.description('The note, plain text; it may span lines.'),
  ),
  position: positionSchema,
  width: v.optional(between(STICKY_MIN_WIDTH, STICKY_MAX_WIDTH, `Width in pixels; absent means ${STICKY_WIDTH}. The height follows the text.`)),
});

export const nodeOverrideSchema = v.object({
  node: text('Id of the node whose value this persona sees differently.'),
  share: v.optional(positive(`Entries only: this persona's relative share starting here (> 0 and ≤ ${MAX_WEIGHT}).`)),
  dropOff: v.optional(lossProbability('Entries and touchpoints: probability (0 to below 1) that this persona abandons here.')),
  emotion: v.optional(emotionSchema),
});

export const edgeOverrideSchema = v.object({
  edge: text('Id of the edge whose weight this persona sees differently.'),
  weight: positive(`This persona's relative likelihood of the edge among its source's outgoing edges (> 0 and ≤ ${MAX_WEIGHT}).`),
});

export const personaSchema = v.object({
  id: id('persona'),
  name: name('Persona name, e.g. "First-time buyer" (unique within the map).'),
  description: v.optional(text('Who this persona is, plain text.')),
  colour: v.optional(colour("The persona's colour in the emotion curve and results, #rrggbb.")),
  share: positive(`Relative share of all customers (> 0 and ≤ ${MAX_WEIGHT}); shares are normalised over the personas.`),
  nodes: v.optional(
    v.pipe(v.array(nodeOverrideSchema), v.description("Per node, the persona's own entry share, drop-off or emotion; anything left out is the map's value.")),
    () => [],
  ),
  edges: v.optional(
    v.pipe(v.array(edgeOverrideSchema), v.description("Per edge, the persona's own weight; edges left out keep the map's weight.")),
    () => [],
  ),
});

export const frictionRefSchema = v.object({
  node: text('Id of the node holding the friction note.'),
  note: text('Id of the friction note within that node.'),
});

export const opportunitySchema = v.object({
  id: id('opportunity'),
  title: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`), v.description('What to do, in a few words.')),
  description: v.optional(text('More detail, plain text.')),
  owner: v.optional(text('Who is responsible, free text.')),
  status: v.pipe(
    v.picklist(['idea', 'planned', 'in-progress', 'done'], 'must be "idea", "planned", "in-progress" or "done"'),
    v.description('Where the opportunity stands. Done means the friction notes it addresses are resolved.'),
  ),
  effort: v.pipe(v.picklist(['S', 'M', 'L'], 'must be "S", "M" or "L"'), v.description('Effort to deliver it: S, M or L.')),
  touchpoints: v.optional(v.pipe(v.array(text('Id of a node.')), v.description('Ids of the touchpoints (or entries) it addresses.')), () => []),
  friction: v.optional(v.pipe(v.array(frictionRefSchema), v.description('The friction notes it addresses.')), () => []),
});

/** The node fields a scenario may give other values: every field of a node except its id and kind. */
const nodeFieldsSchema = v.object({
  label: v.optional(nodeSchema.entries.label),
  stage: v.optional(nodeSchema.entries.stage.wrapped),
  channel: v.optional(nodeSchema.entries.channel.wrapped),
  position: v.optional(positionSchema),
  description: v.optional(nodeSchema.entries.description.wrapped),
  scores: v.optional(scoresSchema),
  emotion: v.optional(emotionSchema),
  friction: v.optional(v.array(frictionNoteSchema)),
  dropOff: v.optional(nodeSchema.entries.dropOff.wrapped),
  share: v.optional(nodeSchema.entries.share.wrapped),
  result: v.optional(nodeSchema.entries.result.wrapped),
  observed: v.optional(observedDropOffSchema),
});

const edgeFieldsSchema = v.object({
  source: v.optional(edgeSchema.entries.source),
  target: v.optional(edgeSchema.entries.target),
  weight: v.optional(edgeSchema.entries.weight.wrapped),
  label: v.optional(edgeSchema.entries.label.wrapped),
  observed: v.optional(observedTransitionsSchema),
});

const NODE_FIELD_NAMES = ['label', 'stage', 'channel', 'position', 'description', 'scores', 'emotion', 'friction', 'dropOff', 'share', 'result', 'observed'] as const;
const EDGE_FIELD_NAMES = ['source', 'target', 'weight', 'label', 'observed'] as const;

export const scenarioSchema = v.object({
  id: id('scenario'),
  name: name('Scenario name, e.g. "Fix checkout" (unique within the map; not "As-is").'),
  description: v.optional(text('What the scenario tries, plain text.')),
  changes: v.pipe(
    v.object({
      addedNodes: v.pipe(v.array(nodeSchema), v.description('Nodes only this scenario has (ids unused by the as-is map).')),
      removedNodes: v.pipe(v.array(text('Id of an as-is node.')), v.description('As-is nodes this scenario removes, with their edges.')),
      changedNodes: v.pipe(
        v.array(
          v.object({
            id: text('Id of an as-is node.'),
            set: v.pipe(nodeFieldsSchema, v.description('Fields this scenario gives other values, e.g. friction with notes resolved, or dropOff.')),
            unset: v.pipe(v.array(v.picklist(NODE_FIELD_NAMES, 'must name an optional node field')), v.description('Optional fields this scenario leaves empty.')),
          }),
        ),
        v.description('As-is nodes this scenario changes.'),
      ),
      addedEdges: v.pipe(v.array(edgeSchema), v.description('Edges only this scenario has.')),
      removedEdges: v.pipe(v.array(text('Id of an as-is edge.')), v.description('As-is edges this scenario removes.')),
      changedEdges: v.pipe(
        v.array(
          v.object({
            id: text('Id of an as-is edge.'),
            set: v.pipe(edgeFieldsSchema, v.description('Fields this scenario gives other values, e.g. weight.')),
            unset: v.pipe(v.array(v.picklist(EDGE_FIELD_NAMES, 'must name an optional edge field')), v.description('Optional fields this scenario leaves empty.')),
          }),
        ),
        v.description('As-is edges this scenario changes (reweighted).'),
      ),
    }),
    v.description("The scenario's changes to the as-is nodes and edges."),
  ),
});

const severityDropOff = (severity: number) =>
  lossProbability(`Drop-off added by one open friction note of severity ${severity}.`);

export const simulationSettingsSchema = v.pipe(
  v.object({
    customers: v.optional(wholeBetween(1, MAX_CUSTOMERS, 'Number of simulated customers per run.')),
    seed: v.optional(wholeBetween(0, MAX_SEED, 'Random seed (unsigned 32-bit) so runs can be repeated.')),
    maxSteps: v.optional(wholeBetween(1, MAX_STEPS, 'Steps after which a simulated customer counts as stuck in a loop.')),
    severityDropOff: v.optional(
      v.pipe(
        v.strictTuple(
          [severityDropOff(1), severityDropOff(2), severityDropOff(3), severityDropOff(4), severityDropOff(5)],
          'must be a list of exactly 5 probabilities',
        ),
        v.description('Drop-off probability contributed by one open friction note of severity 1..5.'),
      ),
    ),
  }),
  v.description('Optional settings for the journey simulation.'),
);

const MAX_HEADER_LENGTH = 1000;
const header = (description: string) =>
  v.pipe(v.string(), v.maxLength(MAX_HEADER_LENGTH, `must be at most ${MAX_HEADER_LENGTH} characters`), v.description(description));

export const importMemorySchema = v.pipe(
  v.object({
    survey: v.optional(
      v.pipe(
        v.object({
          columns: v.array(
            v.object({
              column: header('The column header (question text) as the survey file names it.'),
              role: v.pipe(
                v.picklist(['nps', 'csat', 'ces', 'touchpoint'], 'must be "nps", "csat", "ces" or "touchpoint"'),
                v.description('A score on its scale (NPS 0–10, CSAT 1–5, CES 1–7), or the name of the touchpoint a row is about.'),
              ),
              node: v.optional(text('Id of the node a score column feeds; absent: the node named by the touchpoint column.')),
              values: v.optional(
                v.pipe(
                  v.array(v.object({ value: header('A cell value of the touchpoint column.'), node: text('Id of the node it names.') })),
                  v.description('For a touchpoint column: which node each cell value names.'),
                ),
              ),
            }),
          ),
          csat: v.pipe(v.picklist(['top2', 'mean'], 'must be "top2" or "mean"'), v.description('CSAT as the % of 4s and 5s ("top2") or the mean answer ("mean").')),
          ces: v.pipe(v.picklist(['mean', 'top3'], 'must be "mean" or "top3"'), v.description('CES as the mean answer ("mean") or the % of 5–7 answers ("top3").')),
        }),
        v.description('The survey column mapping last confirmed for this map.'),
      ),
    ),
    funnel: v.optional(
      v.pipe(
        v.object({ steps: v.array(v.object({ step: header('A step name as the funnel or path file names it.'), node: text('Id of the node it was mapped to.') })) }),
        v.description('The funnel step names last mapped to nodes for this map.'),
      ),
    ),
  }),
  v.description('Import mappings this map remembers, proposed again on the next import (format version 5).'),
);

const mapEntries = {
  id: id('map'),
  name: text('Map name.'),
  description: v.optional(text('What the journey covers, plain text.'), ''),
  stages: v.pipe(v.array(stageSchema), v.description('Stages (phases), left to right.')),
  channels: v.pipe(v.array(channelSchema), v.description('Channels touchpoints happen on.')),
  nodes: v.pipe(v.array(nodeSchema), v.description('Entries, touchpoints and outcomes.')),
  edges: v.pipe(v.array(edgeSchema), v.description('Paths customers take between nodes.')),
  notes: v.optional(
    v.pipe(v.array(stickyNoteSchema), v.description('Sticky notes on the canvas: workshop remarks, not part of the simulation.')),
    () => [],
  ),
  personas: v.optional(
    v.pipe(v.array(personaSchema), v.description('Personas (customer segments) with their shares and overrides; none means one population.')),
    () => [],
  ),
  opportunities: v.optional(
    v.pipe(v.array(opportunitySchema), v.description('Opportunities: action items addressing touchpoints and friction notes.')),
    () => [],
  ),
  scenarios: v.optional(
    v.pipe(v.array(scenarioSchema), v.description('Scenarios ("to-be" versions): changes on top of this map, the as-is.')),
    () => [],
  ),
  simulation: v.optional(simulationSettingsSchema),
  imports: v.optional(importMemorySchema),
};

/** A journey map without the file envelope: what the store keeps and what `validateMap` checks. */
export const journeyMapSchema = v.object(mapEntries);

/** A map file: the envelope (`format`, `version`) and the map. The published JSON Schema describes this. */
export const journeyMapFileSchema = v.pipe(
  v.object({
    format: v.pipe(v.literal(FORMAT_NAME), v.description('Always "journey-map".')),
    version: v.pipe(v.literal(FORMAT_VERSION), v.description(`Format version; this schema describes version ${FORMAT_VERSION}.`)),
    ...mapEntries,
  }),
  v.title('Journey Designer map'),
  v.description(`A customer-journey map saved by Journey Designer (format "journey-map", version ${FORMAT_VERSION}).`),
);
