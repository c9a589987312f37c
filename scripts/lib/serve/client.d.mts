/** The scripts/*.ts commands a server builds; any other runs in its own process. */
export const SERVED_COMMANDS: string[];
/** The folder (mode 0700) and the socket (mode 0600) a project's server listens on; `fits` when the path is
 * short enough. */
export function socketPaths(toolRoot: string): { dir: string; socket: string; fits: boolean };
/** True when the folder and the socket exist, belong to this user and no one else may use them. */
export function isPrivateSocket(dir: string, socket: string): boolean;
/** Hands a command to the running server: its exit code, or undefined when the caller must build itself. */
export function handOff(toolRoot: string, command: string, args: string[]): Promise<number | undefined>;

/** What a client sends, as one JSON line. */
export interface BuildRequest {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  node: string;
  stdoutTTY: boolean;
  stderrTTY: boolean;
}
