/** Test API for the command line: map files in a temporary folder, the command in-process or as a process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JourneyMap } from '../../../src/domain';
import { exportMapText } from '../../../src/format';
import { readMapFile } from '../../../src/cli/readMapFile';
import { runCli, type CliIo } from '../../../src/cli/simulate';

export const repositoryRoot = join(__dirname, '../../..');

/** A temporary folder for one test file, removed after it. */
export function useTemporaryFolder(): () => string {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'journey-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

export function writeMapFile(dir: string, name: string, map: JourneyMap): string {
  const file = join(dir, name);
  writeFileSync(file, exportMapText(map));
  return file;
}

/** An io that collects what the command prints and reads files the way the real command does. */
export function capturingIo() {
  const output = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => void (output.stdout += t), stderr: (t) => void (output.stderr += t), readFile: readMapFile };
  return { io, output };
}

export function runInProcess(argv: string[]) {
  const { io, output } = capturingIo();
  const code = runCli(argv, io);
  return { code, ...output };
}

/**
 * Code points a terminal would act on or that reorder text: C0 controls except tab and line feed, DEL, C1
 * controls, bidi embeddings, overrides and isolates. Returns them as U+XXXX strings.
 */
export function terminalControls(text: string): string[] {
  return [...text.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)].map(
    ([c]) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: Buffer;
}

export interface RunningCommand {
  child: ChildProcess;
  /** stderr so far, as text. */
  stderrText(): string;
  /** Resolves when stderr contains `pattern` (or the command ended without it: then rejects). */
  waitForStderr(pattern: RegExp): Promise<void>;
  finished: Promise<Finished>;
}

/**
 * `node --import tsx src/cli/simulate.ts …` as a real process. A command still running after `guardMs` is
 * killed (the test then sees code null) instead of hanging the suite: that is how "it blocks" shows up.
 */
export function startCommand(args: string[], guardMs = 25_000): RunningCommand {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const watchers = new Set<() => void>();
  child.stdout!.on('data', (b: Buffer) => stdout.push(b));
  child.stderr!.on('data', (b: Buffer) => {
    stderr.push(b);
    for (const w of [...watchers]) w();
  });
  const guard = setTimeout(() => child.kill('SIGKILL'), guardMs);
  const finished = new Promise<Finished>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      for (const w of [...watchers]) w();
      resolve({ code, signal, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) });
    });
  });
  let ended = false;
  void finished.then(() => (ended = true));
  const stderrText = () => Buffer.concat(stderr).toString('utf8');
  return {
    child,
    stderrText,
    finished,
    waitForStderr: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(stderrText())) {
            watchers.delete(check);
            resolve();
          } else if (ended || child.exitCode !== null || child.signalCode !== null) {
            watchers.delete(check);
            reject(new Error(`The command ended before printing ${pattern}; stderr: ${stderrText()}`));
          }
        };
        watchers.add(check);
        check();
      }),
  };
}

export const runCommand = (args: string[], guardMs?: number) => startCommand(args, guardMs).finished;
