import fc from 'fast-check';
import { addPersona, createMap, invariantProblems, setNodeOverride, stageForPosition, type Emotion, type JourneyMap } from '../../../src/domain';
import { onlineStoreSample } from '../../../src/domain/samples';
import { validateMap } from '../../../src/format/validate';
import {
  DONE_LABEL,
  mainPath,
  parseMermaidJourney,
  readMermaidJourney,
  START_LABEL,
  writeMermaidJourney,
  type MermaidImport,
} from '../../../src/interop/mermaidJourney';
import { makeMap } from '../simulation/maps';

/** The statements as Mermaid's journeyDb.getTasks() lists them (without its duplicate `type` field). */
function tasksOf(text: string) {
  const reading = readMermaidJourney(text);
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading.journey.sections.flatMap((s) => s.tasks.map((t) => ({ score: t.score, people: t.actors, section: s.name, task: t.name })));
}

function read(text: string) {
  const reading = readMermaidJourney(text);
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading.journey;
}

function imported(text: string): Extract<MermaidImport, { ok: true }> {
  const result = parseMermaidJourney(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

function problems(text: string) {
  const result = parseMermaidJourney(text);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

const touchpoints = (map: JourneyMap) => map.nodes.filter((n) => n.kind === 'touchpoint');
const stageNames = (map: JourneyMap) => map.stages.map((s) => s.name);

/** Node labels from the entry along the (single) chain of edges. */
function chain(map: JourneyMap): string[] {
  const labels: string[] = [];
  let node = map.nodes.find((n) => n.kind === 'entry');
  while (node) {
    labels.push(node.label);
    const id = node.id;
    const next = map.edges.filter((e) => e.source === id);
    expect(next.length).toBeLessThanOrEqual(1);
    node = map.nodes.find((n) => n.id === next[0]?.target);
  }
  return labels;
}

describe('reading Mermaid journeys: the cases of Mermaid’s own parser tests (journey.spec.js)', () => {
  it('handles a title definition', () => {
    expect(read('journey\ntitle Adding journey diagram functionality to mermaid').title).toBe('Adding journey diagram functionality to mermaid');
  });

  it('handles an accessibility description (accDescr)', () => {
    const journey = read(
      'journey\naccDescr: A user journey for family shopping\ntitle Adding journey diagram functionality to mermaid\nsection Order from website',
    );
    expect(journey.accDescr).toBe('A user journey for family shopping');
    expect(journey.title).toBe('Adding journey diagram functionality to mermaid');
    expect(journey.sections.map((s) => s.name)).toEqual(['Order from website']);
  });

  it('handles a multi-line accessibility description, with a title right after its closing brace', () => {
    const journey = read(
      'journey\n' +
        `accDescr {
        A user journey for
        family shopping
      }` +
        'title Adding journey diagram functionality to mermaid\n' +
        'accTitle: Adding acc journey diagram functionality to mermaid\n' +
        'section Order from website',
    );
    expect(journey.accDescr).toBe('A user journey for\nfamily shopping');
    expect(journey.title).toBe('Adding journey diagram functionality to mermaid');
    expect(journey.accTitle).toBe('Adding acc journey diagram functionality to mermaid');
  });

  it('handles an accessibility title', () => {
    const journey = read(`journey
    accTitle: The title
    section Order from website`);
    expect(journey.accTitle).toBe('The title');
    expect(journey.accDescr).toBeUndefined();
  });

  it('handles a section definition', () => {
    expect(read('journey\ntitle Adding journey diagram functionality to mermaid\nsection Order from website').sections).toMatchObject([
      { name: 'Order from website', line: 3, tasks: [] },
    ]);
  });

  it('handles section titles with different line breaks (each becomes a space)', () => {
    const journey = read('journey\ntitle Adding gantt diagram functionality to mermaid\nsection Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5');
    expect(journey.sections[0].name).toBe('Line1 Line2 Line3 Line4 Line5');
  });

  it('handles task definitions: with and without actors, and with a trailing colon', () => {
    const text =
      'journey\n' +
      'title Adding journey diagram functionality to mermaid\n' +
      'section Documentation\n' +
      'A task: 5: Alice, Bob, Charlie\n' +
      'B task: 3:Bob, Charlie\n' +
      'C task: 5\n' +
      'D task: 5: Charlie, Alice\n' +
      'E task: 5:\n' +
      'section Another section\n' +
      'P task: 5:\n' +
      'Q task: 5:\n' +
      'R task: 5:';
    expect(tasksOf(text)).toEqual([
      { score: 5, people: ['Alice', 'Bob', 'Charlie'], section: 'Documentation', task: 'A task' },
      { score: 3, people: ['Bob', 'Charlie'], section: 'Documentation', task: 'B task' },
      { score: 5, people: [], section: 'Documentation', task: 'C task' },
      { score: 5, people: ['Charlie', 'Alice'], section: 'Documentation', task: 'D task' },
      { score: 5, people: [''], section: 'Documentation', task: 'E task' },
      { score: 5, people: [''], section: 'Another section', task: 'P task' },
      { score: 5, people: [''], section: 'Another section', task: 'Q task' },
      { score: 5, people: [''], section: 'Another section', task: 'R task' },
    ]);
  });

  it('reads the journeyDb test’s family shopping trip; “#” starts a comment unless written as an entity code', () => {
    const text = `journey
      accTitle: Shopping
      accDescr: A user journey for family shopping
      section Journey to the shops
        Get car keys: 5: Dad
        Go to car: 3: Dad, Mum, Child#35;1, Child#35;2
        Drive to supermarket: 4: Dad
      section Do shopping
        Go shopping: 5: Mum
        Pay: 2: Mum, Child#1 leaves a comment`;
    expect(tasksOf(text)).toEqual([
      { score: 5, people: ['Dad'], section: 'Journey to the shops', task: 'Get car keys' },
      { score: 3, people: ['Dad', 'Mum', 'Child#1', 'Child#2'], section: 'Journey to the shops', task: 'Go to car' },
      { score: 4, people: ['Dad'], section: 'Journey to the shops', task: 'Drive to supermarket' },
      { score: 5, people: ['Mum'], section: 'Do shopping', task: 'Go shopping' },
      { score: 2, people: ['Mum', 'Child'], section: 'Do shopping', task: 'Pay' },
    ]);
    const journey = read(text);
    expect([journey.accTitle, journey.accDescr]).toEqual(['Shopping', 'A user journey for family shopping']);
  });

  it('skips %% comments, # comments and %%{…}%% directives, and ignores what follows a third colon', () => {
    const journey = read(`%%{init: {"theme": "forest"}}%%
journey
  %% a comment line
  title Lunch # the rest of the line is a comment
  section Order %% part of the name, as in Mermaid
    Pick a dish: 4: Ana # comment
    %%
    Pay: 2: Ana: ignored`);
    expect(journey.title).toBe('Lunch');
    expect(journey.sections[0].name).toBe('Order %% part of the name, as in Mermaid');
    expect(journey.sections[0].tasks.map((t) => [t.name, t.score, t.actors, t.line])).toEqual([
      ['Pick a dish', 4, ['Ana'], 6],
      ['Pay', 2, ['Ana'], 8],
    ]);
    expect(journey.warnings).toEqual(['line 8: ignored “: ignored” after the actors of “Pay” (Mermaid ignores it too)']);
  });

  it('is case-insensitive in its keywords and needs no line break between statements', () => {
    const journey = read('journey TITLE Trip\nSECTION Go\nAccTitle: t\nWalk: 3');
    expect(journey.title).toBe('Trip');
    expect(journey.sections.map((s) => s.name)).toEqual(['Go']);
    expect(journey.accTitle).toBe('t');
  });
});

describe('parseMermaidJourney: a journey becomes a map', () => {
  const WORKING_DAY = `journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
`;

  it('makes stages of sections, touchpoints of tasks in order, from Start to Done, emotion = score − 3', () => {
    const { map, warnings } = imported(WORKING_DAY);
    expect(warnings).toEqual([]);
    expect(map.name).toBe('My working day');
    expect(stageNames(map)).toEqual(['Go to work', 'Go home']);
    expect(chain(map)).toEqual([START_LABEL, 'Make tea', 'Go upstairs', 'Do work', 'Go downstairs', 'Sit down', DONE_LABEL]);
    expect(touchpoints(map).map((n) => n.emotion)).toEqual([2, 0, -2, 2, 2]);
    const [work, home] = map.stages.map((s) => s.id);
    expect(touchpoints(map).map((n) => n.stage)).toEqual([work, work, work, home, home]);
    expect(map.nodes.find((n) => n.kind === 'entry')).toMatchObject({ stage: work, share: 1 });
    expect(map.nodes.find((n) => n.kind === 'outcome')).toMatchObject({ stage: home, result: 'success' });
  });

  it('lays every node out in its stage’s band, left to right, one column each', () => {
    const { map } = imported(WORKING_DAY);
    for (const node of map.nodes) expect(stageForPosition(map, node.position)).toBe(node.stage);
    const xs = chain(map).map((label) => map.nodes.find((n) => n.label === label)!.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(xs.length);
  });

  it('makes personas of the actors with equal shares and notes each task’s actors', () => {
    const { map } = imported(WORKING_DAY);
    expect(map.personas.map((p) => [p.name, p.share, p.nodes, p.edges])).toEqual([
      ['Me', 1, [], []],
      ['Cat', 1, [], []],
    ]);
    expect(touchpoints(map).find((n) => n.label === 'Do work')?.description).toBe('Actors: Me, Cat');
  });

  it('makes a map the file format accepts', () => {
    const { map } = imported(WORKING_DAY);
    expect(invariantProblems(map)).toEqual([]);
    const checked = validateMap(map);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it('adds no persona for tasks without actors or with a trailing colon, and no default stages', () => {
    const { map } = imported('journey\nsection Only\nA: 1\nB: 2:\nC: 3: ,\n');
    expect(map.personas).toEqual([]);
    expect(stageNames(map)).toEqual(['Only']);
    expect(touchpoints(map).map((n) => [n.label, n.emotion, n.description])).toEqual([
      ['A', -2, undefined],
      ['B', -1, undefined],
      ['C', 0, undefined],
    ]);
    expect(map.name).toBe('Mermaid journey');
  });

  it('names the map from the title, else the front matter’s title, else accTitle; describes it from accDescr', () => {
    expect(imported('---\ntitle: "From front matter"\n---\njourney\nsection S\nA: 3').map.name).toBe('From front matter');
    expect(imported('journey\naccTitle: Accessible\nsection S\nA: 3').map.name).toBe('Accessible');
    expect(imported('journey\ntitle Shown\naccDescr {\n  Two\n  lines\n}\nsection S\nA: 3').map).toMatchObject({ name: 'Shown', description: 'Two\nlines' });
  });

  it('puts tasks before the first section in a stage of their own, and keeps repeated sections apart', () => {
    const { map, warnings } = imported('journey\nEarly: 3\nsection A\nOne: 3\nsection A\nTwo: 4\n');
    expect(stageNames(map)).toEqual(['Steps', 'A', 'A 2']);
    expect(warnings).toEqual([
      'line 2: tasks before the first section were put in a stage “Steps”',
      'line 5: a second section “A” became the stage “A 2”',
    ]);
  });

  it('merges actors that differ only in case into one persona', () => {
    const { map } = imported('journey\nsection S\nA: 3: Ana\nB: 3: ANA, Bo\n');
    expect(map.personas.map((p) => p.name)).toEqual(['Ana', 'Bo']);
    expect(touchpoints(map)[1].description).toBe('Actors: Ana, Bo');
  });

  it('decodes entity codes (#58; is a colon) and reads CRLF files', () => {
    const { map } = imported('journey\r\nsection Check#58; out\r\nPay#58; card #35;1#59; now: 2: Ana\r\n');
    expect(stageNames(map)).toEqual(['Check: out']);
    expect(touchpoints(map)[0].label).toBe('Pay: card #1; now');
  });

  it('takes the journey block out of Markdown and counts lines in the whole file', () => {
    const markdown = [
      '# Our journey',
      '',
      '```mermaid',
      'flowchart LR',
      '  A --> B',
      '```',
      '',
      '```mermaid',
      'journey',
      '  title From the README',
      '  section Visit',
      '    Browse: 4: Shopper',
      '```',
    ].join('\n');
    const { map } = imported(markdown);
    expect(map.name).toBe('From the README');
    expect(touchpoints(map).map((n) => n.label)).toEqual(['Browse']);
    expect(problems(markdown.replace('Browse: 4', 'Browse: 9'))).toEqual([
      { line: 12, rule: '“Browse” has the score “9”: a score must be a whole number from 1 to 5' },
    ]);
  });
});

describe('parseMermaidJourney: bad lines are named by number', () => {
  it('lists every bad line with its number and rule', () => {
    const text = ['journey', 'title Trip', 'section Go: now', 'Walk', 'Run: 7', 'Swim; 3', 'Fly:', 'Sail: : Ana', 'Ride: 2.5', 'Drive: abc', 'journey planning: 3'].join('\n');
    expect(problems(text)).toEqual([
      { line: 3, rule: 'A section name cannot contain “:” (write #58; for a colon)' },
      { line: 4, rule: '“Walk” is not a task: write a task as “Task name: score: actors”, e.g. “Walk: 3”' },
      { line: 5, rule: '“Run” has the score “7”: a score must be a whole number from 1 to 5' },
      { line: 6, rule: '“;” cannot be used in a journey (write #59; for a semicolon in a name)' },
      { line: 7, rule: '“Fly” needs a score after the colon, e.g. “Fly: 3”' },
      { line: 8, rule: '“Sail” has no score: a score must be a whole number from 1 to 5' },
      { line: 9, rule: '“Ride” has the score “2.5”: a score must be a whole number from 1 to 5' },
      { line: 10, rule: '“Drive” has the score “abc”: a score must be a whole number from 1 to 5' },
      { line: 11, rule: '“journey” may only begin the diagram; Mermaid reads a line starting with “journey” as that keyword again' },
    ]);
  });

  it('counts lines from the top of the file, front matter and comments included', () => {
    expect(problems('---\ntitle: T\n---\n%% note\njourney\n\nsection S\nA: 0\n')).toEqual([
      { line: 8, rule: '“A” has the score “0”: a score must be a whole number from 1 to 5' },
    ]);
  });

  it('says when the text is no journey, or has no tasks', () => {
    expect(problems('flowchart LR\n  A --> B')).toEqual([{ line: 1, rule: 'This is not a Mermaid journey: it must start with “journey”, not “flowchart”' }]);
    expect(problems('\n\nJourney\nsection S\nA: 3')).toEqual([{ line: 3, rule: 'Mermaid recognises a journey only by “journey” in lower case, not “Journey”' }]);
    expect(problems('text\n```mermaid\npie\n"A": 1\n```')).toEqual([
      { line: 2, rule: 'The Mermaid blocks here are not journey diagrams (the first is “pie”): only a block that starts with “journey” can be imported' },
    ]);
    expect(problems('journey\ntitle Empty\nsection Nothing yet')).toEqual([
      { line: 1, rule: 'The journey has no tasks: write them under a section as “Task name: score: actors”' },
    ]);
    expect(problems('   ')).toEqual([{ line: 1, rule: 'There is no Mermaid journey here: the text is empty' }]);
  });

  it('never throws, and whatever it accepts is a map the file format accepts (property)', () => {
    const piece = fc.constantFrom('journey', 'title ', 'section ', 'accTitle: ', 'accDescr {', '}', ':', ': 3', ': 5: Ana, Bo', ',', '#', '#58;', ';', '%%', '%%{x}%%', '\n', '\r\n', ' ', 'Task', 'é', '<br>', '```mermaid\n', '---\n');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 40 }), (pieces) => {
        const result = parseMermaidJourney(`journey\n${pieces.join('')}`);
        if (!result.ok) {
          for (const p of result.problems) expect(p.line).toBeGreaterThanOrEqual(1);
          return;
        }
        const checked = validateMap(result.map);
        expect(checked.ok ? [] : checked.problems).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('“title” or “section” without text is named as such (Mermaid reads on into the next line if it has text)', () => {
    expect(problems('journey\nsection S\nA: 3\ntitle')).toEqual([{ line: 4, rule: '“title” needs some text after it' }]);
    expect(problems('journey\nsection\n\nA: 3')).toEqual([{ line: 2, rule: '“section” needs some text after it' }]);
    expect(read('journey\ntitle\nMy trip\nsection S\nA: 3').title).toBe('My trip');
  });
});

describe('mainPath: the likeliest step at each node, from the exact analysis', () => {
  it('follows the heavier branch of a fork', () => {
    const map = makeMap(
      [{ id: 'in', kind: 'entry' }, { id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'won', kind: 'outcome' }],
      [['in', 'a'], ['a', 'b', 1], ['a', 'c', 3], ['b', 'won'], ['c', 'won']],
    );
    expect(mainPath(map)).toEqual(['in', 'a', 'c', 'won']);
  });

  it('starts at the entry with the largest share and never goes back to a node on the path', () => {
    const map = makeMap(
      [{ id: 'small', kind: 'entry', share: 1 }, { id: 'large', kind: 'entry', share: 4 }, { id: 'a' }, { id: 'b' }, { id: 'won', kind: 'outcome' }],
      [['small', 'a'], ['large', 'a'], ['a', 'b'], ['b', 'a', 10], ['b', 'won', 1]],
    );
    expect(mainPath(map)).toEqual(['large', 'a', 'b', 'won']);
  });

  it('weighs the personas by their shares: the larger persona’s branch wins', () => {
    const map = makeMap(
      [{ id: 'in', kind: 'entry' }, { id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'won', kind: 'outcome' }],
      [['in', 'a'], ['a', 'b', 1], ['a', 'c', 1], ['b', 'won'], ['c', 'won']],
    );
    addPersona(map, { id: 'few', name: 'Few', share: 1 });
    addPersona(map, { id: 'many', name: 'Many', share: 3 });
    map.personas[0].edges.push({ edge: 'e1', weight: 9 });
    map.personas[1].edges.push({ edge: 'e2', weight: 9 });
    expect(mainPath(map)).toEqual(['in', 'a', 'c', 'won']);
    map.personas[0].share = 5;
    expect(mainPath(map)).toEqual(['in', 'a', 'b', 'won']);
  });

  it('is empty for a map without entries', () => {
    expect(mainPath(makeMap([{ id: 'a' }], []))).toEqual([]);
    expect(writeMermaidJourney(createMap({ name: 'Blank' }))).toBe('journey\n    title Blank\n');
  });
});

describe('writeMermaidJourney', () => {
  it('writes the main path: sections by stage, scores from emotion, personas as actors', () => {
    const text = writeMermaidJourney(onlineStoreSample());
    expect(text).toBe(
      [
        'journey',
        '    title Online store',
        '    accDescr: E-commerce journey from first ad to repeat purchase. Checkout payment is the moment of truth: the long payment form loses many customers.',
        '    %% Main path from “Search ad” to “Repeat purchase”, the likeliest step at each point (Journey Designer)',
        '    section Consideration',
        '      Product page: 4: First-time buyer, Returning customer',
        '    section Purchase',
        '      Cart: 3: First-time buyer, Returning customer',
        '      Checkout payment: 1: First-time buyer, Returning customer',
        '    section Retention',
        '      Delivery updates: 4: First-time buyer, Returning customer',
        '      Thank-you email: 4: First-time buyer, Returning customer',
        '',
      ].join('\n'),
    );
  });

  it('gives a touchpoint without emotion the neutral score 3, and starts a new section when the stage changes back', () => {
    const map = makeMap([{ id: 'in', kind: 'entry' }, { id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'won', kind: 'outcome' }], [
      ['in', 'a'],
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'won'],
    ]);
    map.stages = [{ id: 's1', name: 'One' }, { id: 's2', name: 'Two' }];
    Object.assign(map.nodes[1], { stage: 's1', emotion: -1 });
    Object.assign(map.nodes[2], { stage: 's2' });
    Object.assign(map.nodes[3], { stage: 's1', emotion: 2 });
    expect(writeMermaidJourney(map).split('\n').slice(3)).toEqual(['    section One', '      a: 2', '    section Two', '      b: 3', '    section One', '      c: 5', '']);
  });

  it('round-trips sections, tasks, scores and actors through parseMermaidJourney', () => {
    const first = imported(`journey
      title Trip: day one
      accDescr {
        Where we go
        and how it feels
      }
      section Plan
        Pick dates: 4: Ana, Bo
        Book #35;1: 2: Ana
      section Travel
        Fly: 1: Bo
        Arrive: 5`).map;
    const again = imported(writeMermaidJourney(first)).map;
    expect(again.name).toBe('Trip: day one');
    expect(again.description).toBe('Where we go\nand how it feels');
    expect(stageNames(again)).toEqual(['Plan', 'Travel']);
    expect(touchpoints(again).map((n) => [n.label, n.emotion])).toEqual([
      ['Pick dates', 1],
      ['Book #1', -1],
      ['Fly', -2],
      ['Arrive', 2],
    ]);
    expect(again.personas.map((p) => p.name)).toEqual(['Ana', 'Bo']);
  });

  it('escapes what Mermaid would read as syntax, so names come back unchanged', () => {
    const labels = ['Step 1: sign up', 'Price #1; best', 'Section overview', 'journey planning', 'Title page', 'accDescr { x }', '50%% off', '<br>kept', 'Two\nlines'];
    const map = makeMap(
      [{ id: 'in', kind: 'entry' }, ...labels.map((label, i) => ({ id: `t${i}`, label })), { id: 'won', kind: 'outcome' }],
      [['in', 't0'], ...labels.slice(1).map((_, i): [string, string] => [`t${i}`, `t${i + 1}`]), [`t${labels.length - 1}`, 'won']],
      { name: 'A # name; with: signs' },
    );
    map.stages = [{ id: 's', name: 'Stage: one #2' }];
    for (const node of map.nodes) node.stage = 's';
    addPersona(map, { name: 'Ana, the: buyer' });
    const again = imported(writeMermaidJourney(map)).map;
    expect(again.name).toBe('A # name; with: signs');
    expect(stageNames(again)).toEqual(['Stage: one #2']);
    expect(touchpoints(again).map((n) => n.label)).toEqual([...labels.slice(0, -1), 'Two lines']);
    expect(again.personas.map((p) => p.name)).toEqual(['Ana, the: buyer']);
  });

  it('round-trips any stage names, labels and emotions (property)', () => {
    const text = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'B', ' ', ':', '#', ';', '%', ',', '<', '>', '{', '}', '&', '-', 'é', '😀', '1') });
    const name = text.filter((s) => s.trim() !== '');
    const emotion = fc.constantFrom<Emotion>(-2, -1, 0, 1, 2);
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 4, selector: (s) => s.trim().toLocaleLowerCase() }),
        fc.array(fc.tuple(name, emotion), { minLength: 1, maxLength: 6 }),
        (stages, tasks) => {
          const map = makeMap(
            [{ id: 'in', kind: 'entry' }, ...tasks.map(([label], i) => ({ id: `t${i}`, label })), { id: 'won', kind: 'outcome' }],
            [['in', 't0'], ...tasks.slice(1).map((_, i): [string, string] => [`t${i}`, `t${i + 1}`]), [`t${tasks.length - 1}`, 'won']],
          );
          map.stages = stages.map((s, k) => ({ id: `s${k}`, name: s.trim() }));
          // Stage of task i: consecutive tasks share stages, like a journey read left to right.
          const stageOf = (i: number) => Math.floor((i * stages.length) / tasks.length);
          tasks.forEach(([, e], i) => Object.assign(map.nodes[i + 1], { emotion: e, stage: `s${stageOf(i)}` }));
          const again = imported(writeMermaidJourney(map)).map;
          const used = [...new Set(tasks.map((_, i) => stageOf(i)))].map((k) => stages[k].trim());
          expect(stageNames(again)).toEqual(used);
          expect(touchpoints(again).map((n) => [n.label, n.emotion])).toEqual(tasks.map(([label, e]) => [label.trim(), e]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('uses the map’s emotion, not a persona’s own', () => {
    const map = imported('journey\nsection S\nA: 2: Ana\n').map;
    setNodeOverride(map, map.personas[0].id, touchpoints(map)[0].id, 'emotion', 2);
    expect(writeMermaidJourney(map)).toContain('      A: 2: Ana\n');
  });
});
