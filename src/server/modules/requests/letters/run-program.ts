import { execFile } from 'node:child_process';

export type ProgramResult =
  { kind: 'ok'; stdout: string } | { kind: 'missing' } | { kind: 'timed_out' } | { kind: 'failed'; message: string };

/** Most output a reading program may give: a letter's page is a few kilobytes of text, its TSV a few dozen. */
const MAX_OUTPUT = 4 * 1024 * 1024;

/**
 * Runs a program with arguments (never through a shell), killed after the
 * timeout; output beyond the bound fails it instead of filling the memory.
 * A missing program is told apart, so the letter can say what is not installed.
 */
export function runProgram(file: string, args: string[], timeoutMs: number): Promise<ProgramResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true },
      (error, stdout) => {
        if (!error) return resolve({ kind: 'ok', stdout });
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
        if (failure.code === 'ENOENT' || failure.code === 'EACCES') return resolve({ kind: 'missing' });
        if (failure.killed && failure.signal === 'SIGKILL') return resolve({ kind: 'timed_out' });
        resolve({ kind: 'failed', message: String(failure.message).slice(0, 500) });
      },
    );
  });
}
