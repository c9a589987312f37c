/**
 * The client side of the warm build server (`npm run serve`, or `npm run dev`):
 * plain JavaScript loaded by scripts/run.mjs before anything else, so that a
 * build handed to a running server costs a node start and a socket round trip,
 * not the seconds of loading react-pdf and warming it up.
 *
 * Protocol: one JSON line from the client (the command, its arguments, working
 * folder, environment and node version), then JSON lines from the server:
 * `{"out": text}` and `{"err": text}` in the order the build wrote them, and
 * last `{"exit": code}`; or, before any output, `{"fallback": reason}` when
 * the server will not build it (its code, templates, fonts or lock file
 * changed since it started, another node version, a command it does not
 * serve), and the client builds in its own process as if no server ran.
 */
import { lstatSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The scripts/*.ts commands a server builds; any other runs in its own process. */
export const SERVED_COMMANDS = ['build', 'build-pdf', 'build-slides', 'build-email', 'build-web'];

/** Linux's limit for a Unix socket path (sun_path) is 108 bytes with the NUL. */
const MAX_SOCKET_PATH = 107;

/** The folder (mode 0700) and the socket (mode 0600) a project's server listens on. */
export function socketPaths(toolRoot) {
  const dir = path.join(toolRoot, 'node_modules/.cache/briefpress-serve');
  return {
    dir,
    socket: path.join(dir, 'build.sock'),
    fits: Buffer.byteLength(path.join(dir, 'build.sock')) <= MAX_SOCKET_PATH,
  };
}

/**
 * A socket only this user can reach, in a folder only this user can enter: a
 * server another user started is never trusted with our files, and ours never
 * builds for them.
 */
export function isPrivateSocket(dir, socket) {
  const uid = process.getuid?.();
  try {
    const d = lstatSync(dir);
    const s = lstatSync(socket);
    return (
      d.isDirectory() &&
      s.isSocket() &&
      d.uid === uid &&
      s.uid === uid &&
      (d.mode & 0o077) === 0 &&
      (s.mode & 0o077) === 0
    );
  } catch {
    return false;
  }
}

/**
 * Hands `command` (a scripts/*.ts name) to this project's running server.
 * Resolves to the exit code when the server built it, or undefined when no
 * server runs or it declined before writing anything: then the caller builds.
 */
export function handOff(toolRoot, command, args) {
  const { dir, socket, fits } = socketPaths(toolRoot);
  if (!fits || !isPrivateSocket(dir, socket)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const connection = net.connect(socket);
    let wrote = false;
    let done = false;
    let buffered = '';
    const finish = (code) => {
      if (done) return;
      done = true;
      connection.destroy();
      resolve(code);
    };
    connection.setEncoding('utf8');
    connection.on('connect', () => {
      const request = {
        command,
        args,
        cwd: process.cwd(),
        env: process.env,
        node: process.version,
        stdoutTTY: !!process.stdout.isTTY,
        stderrTTY: !!process.stderr.isTTY,
      };
      connection.write(`${JSON.stringify(request)}\n`);
    });
    connection.on('data', (chunk) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
        if (typeof message.out === 'string') {
          wrote = true;
          process.stdout.write(message.out);
        } else if (typeof message.err === 'string') {
          wrote = true;
          process.stderr.write(message.err);
        } else if (typeof message.exit === 'number') return finish(message.exit);
        else if ('fallback' in message) return finish(undefined);
      }
    });
    // No server (a socket left by one that was killed), or it went away: build here, unless it had
    // already printed part of a build, which would then be printed twice.
    const lost = () => {
      if (done) return;
      if (!wrote) return finish(undefined);
      process.stderr.write(
        'briefpress: the build server stopped in the middle of this build; run the command again.\n',
      );
      finish(1);
    };
    connection.on('error', lost);
    connection.on('close', lost);
  });
}
