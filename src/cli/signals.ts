// Ctrl-C or a kill during a run: remove the unfinished temporaries, then exit 130 (SIGINT) or 143 (SIGTERM) as a shell would report.
import { discardPendingFiles, type TextSink } from './files';

/** 128 + the signal number, the status a shell reports for a process the signal ended. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Replaces the default action of SIGINT and SIGTERM (exit at once, leaving every `.NAME.PID.tmp`
 * behind). The handler runs when the run yields to the event loop (stepper.ts), between steps.
 */
export function cleanUpOnSignals(stderr: TextSink, exit: (code: number) => never): void {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
    process.once(signal, () => {
      discardPendingFiles();
      stderr.write(`interrupted by ${signal}: unfinished output files were removed\n`);
      exit(code);
    });
  }
}
