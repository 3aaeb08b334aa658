import { execFileSync } from 'node:child_process';
import { existsSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JourneyMap } from '../../../src/domain';
import { main } from '../../../src/cli/simulate';
import { makeMap, workedExample } from '../simulation/maps';
import { capturingIo, runCommand, runInProcess, startCommand, terminalControls, useTemporaryFolder, writeMapFile } from './support';

const folder = useTemporaryFolder();

const OSC52 = '\u001b]52;c;ZXZpbA==\u0007';
const hostile = `${OSC52}\u001b]0;owned\u0007\u001b[2J\u0007\u009b2J\u202eRTL\u2066iso\u2069\r\n\t\u007f\u0008`;

/** A small journey whose name, labels and friction note carry escape sequences, bells and bidi overrides. */
function hostileMap(): JourneyMap {
  const map = makeMap(
    [
      { id: 'ad', kind: 'entry', label: `Ad${hostile}` },
      { id: 'page', label: `Page${hostile}`, dropOff: 0.2, friction: [3] },
      { id: 'bought', kind: 'outcome', label: `Bought${hostile}` },
    ],
    [['ad', 'page'], ['page', 'bought']],
    { name: `Shop${hostile}` },
  );
  map.nodes[1].friction[0].note = `Slow${hostile}`;
  return map;
}

/** Every byte and code point that would drive a terminal; [] when the output is safe. */
function controlsIn(...outputs: (Buffer | string)[]): string[] {
  const found: string[] = [];
  for (const output of outputs) {
    const bytes = Buffer.from(output);
    // ESC and BEL never occur inside a multi-byte UTF-8 character, so any such byte is a control.
    if (bytes.includes(0x1b)) found.push('byte 0x1b');
    if (bytes.includes(0x07)) found.push('byte 0x07');
    const text = bytes.toString('utf8');
    expect(Buffer.from(text)).toEqual(bytes); // well-formed UTF-8: the code points below are all there is
    found.push(...terminalControls(text.replace(/[\n\r]/g, '')));
  }
  return found;
}

describe('npm run simulate refuses files it cannot safely read', () => {
  it.skipIf(process.platform === 'win32')('refuses a FIFO without waiting for a writer', async () => {
    const fifo = join(folder(), 'pipe.journey.json');
    execFileSync('mkfifo', [fifo]);
    const { code, signal, stdout, stderr } = await runCommand([fifo]);
    expect({ code, signal }).toEqual({ code: 1, signal: null }); // SIGKILL: it blocked until the guard
    expect(stdout.toString()).toBe('');
    expect(stderr.toString()).toBe(`Cannot read ${fifo}: it is a named pipe (FIFO), not a regular file; pass the path of a saved map file\n`);
  }, 30_000);

  it.skipIf(!existsSync('/dev/zero'))('refuses /dev/zero', async () => {
    const { code, signal, stderr } = await runCommand(['/dev/zero', '--json']);
    expect({ code, signal }).toEqual({ code: 1, signal: null });
    expect(stderr.toString()).toBe('Cannot read /dev/zero: it is a character device, not a regular file; pass the path of a saved map file\n');
  }, 30_000);

  it('refuses an 11 MB file by its size', () => {
    const file = join(folder(), 'huge.journey.json');
    writeFileSync(file, '');
    truncateSync(file, 11 * 1024 * 1024);
    const { code, stdout, stderr } = runInProcess([file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Cannot read ${file}: The file is too large (11.0 MB); Journey Designer opens map files up to 10.0 MB.\n`);
  });
});

describe('npm run simulate prints no control characters from the file', () => {
  it('in the readable report, as a real process', async () => {
    const file = writeMapFile(folder(), 'hostile.journey.json', hostileMap());
    const { code, stdout, stderr } = await runCommand([file, '--customers', '1000']);
    expect(stderr.toString()).toBe('');
    expect(code).toBe(0);
    expect(controlsIn(stdout, stderr)).toEqual([]);
    const report = stdout.toString();
    expect(report.split('\n')[0]).toBe('Shop]52;c;ZXZpbA==]0;owned[2J2JRTLiso    — 3 nodes, 2 edges');
    expect(report).toMatch(/1 {2}Page\]52;c;ZXZpbA==.* {2}20\.0%.*\[3\] Slow\]52/);
    expect(report).toMatch(/Ad\]52.* → Page\]52.* → Bought\]52/);
  }, 30_000);

  it('in the JSON document, which still carries the names exactly', () => {
    const map = hostileMap();
    const file = writeMapFile(folder(), 'hostile.journey.json', map);
    const { code, stdout, stderr } = runInProcess([file, '--json', '--customers', '1000']);
    expect(code).toBe(0);
    expect(controlsIn(stdout, stderr)).toEqual([]);
    const report = JSON.parse(stdout);
    expect(report.map.name).toBe(map.name);
    expect(report.hotspots[0].label).toBe(map.nodes[1].label);
  });

  it('in import problems that echo a duplicate id', () => {
    const map = workedExample();
    const id = `cart${hostile}`;
    map.nodes[3].id = id;
    map.nodes[4].id = id;
    const file = writeMapFile(folder(), 'duplicate.journey.json', map);
    const { code, stdout, stderr } = runInProcess([file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(controlsIn(stderr)).toEqual([]);
    expect(stderr).toContain('  nodes[4].id: duplicate id "cart]52;c;ZXZpbA==]0;owned[2J2JRTLiso   "\n');
    // One problem, one line.
    expect(stderr.split('\n').every((line) => line === '' || line.startsWith('  ') || line.endsWith('is not a valid journey map:'))).toBe(true);
  });

  it('in a path named on the command line', () => {
    const { code, stderr } = runInProcess([join(folder(), `missing${hostile}.json`)]);
    expect(code).toBe(1);
    expect(controlsIn(stderr)).toEqual([]);
    expect(stderr).toMatch(/^Cannot read .*missing\]52;c;ZXZpbA==.*\.json: no such file\n$/);
  });
});

describe('npm run simulate on a long run', () => {
  /** Customers that never leave a two-touchpoint loop: every one walks the full 10,000 steps. */
  const closedLoop = () =>
    makeMap(
      [{ id: 'ad', kind: 'entry' }, { id: 'faq', label: `FAQ${OSC52}` }, { id: 'chat' }, { id: 'done', kind: 'outcome' }],
      [['ad', 'faq'], ['faq', 'chat'], ['chat', 'faq']],
      { name: `Closed loop${OSC52}` },
    );

  it('reports progress on stderr and stops with code 130 on Ctrl+C', async () => {
    const file = writeMapFile(folder(), 'loop.journey.json', closedLoop());
    const command = startCommand([file, '--customers', '10000000', '--max-steps', '10000', '--json']);
    await command.waitForStderr(/^Simulating "Closed loop\]52;c;ZXZpbA==": .*\n/);
    command.child.kill('SIGINT');
    const { code, signal, stdout, stderr } = await command.finished;
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(stdout.toString()).toBe('');
    expect(stderr.toString()).toMatch(/\nInterrupted: the simulation was stopped before it finished; nothing was printed\.\n$/);
    expect(controlsIn(stderr)).toEqual([]);
  }, 30_000);

  it('stops at once when the signal is already aborted, and keeps progress off stdout', async () => {
    const file = writeMapFile(folder(), 'loop.journey.json', closedLoop());
    const aborted = capturingIo();
    const controller = new AbortController();
    controller.abort();
    expect(await main([file, '--customers', '10000000', '--max-steps', '10000'], aborted.io, { signal: controller.signal })).toBe(130);
    expect(aborted.output).toEqual({ stdout: '', stderr: 'Interrupted: the simulation was stopped before it finished; nothing was printed.\n' });

    // A clock that jumps a second per reading makes even a short run "long".
    let clock = 0;
    const { io, output } = capturingIo();
    const code = await main([file, '--customers', '2000', '--max-steps', '50', '--json'], io, { progress: { tty: false, now: () => (clock += 1000) } });
    expect(code).toBe(0);
    expect(JSON.parse(output.stdout).monteCarlo.customers).toBe(2000);
    expect(output.stderr).toMatch(/^Simulating "Closed loop\]52;c;ZXZpbA==": /);
    expect(controlsIn(output.stderr)).toEqual([]);
  });
});
