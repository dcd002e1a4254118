/** What the CLI needs from the process, injected so tests run it in-process with a fake clock. */
import type { ErrorStream } from "./progressBar";

export interface CliIo {
  stdout: { write(text: string): unknown };
  /** Diagnostics, problems and the progress bar (drawn only when isTTY). */
  stderr: ErrorStream;
  /** The clock: the default as-of date and the run's timestamp (the engine never reads it). */
  now: () => Date;
  /** The environment for the default language (LC_ALL, LC_MESSAGES, LANG, LANGUAGE); process.env when absent. */
  env?: Readonly<Record<string, string | undefined>>;
}
