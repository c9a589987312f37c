/** Where `send` reads its environment and writes its lines; the CLI passes the process's, tests their own. */
export interface SendContext {
  env: NodeJS.ProcessEnv;
  /** Progress and results (stdout). */
  print(line: string): void;
  /** Problems (stderr). */
  complain(line: string): void;
  /** Aborted by Ctrl-C: the run stops after the message in flight. */
  signal?: AbortSignal;
}
