import { isIP } from 'node:net';

/** Where and how to deliver: read from SMTP_URL, never from a report or brand file. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://). */
  secure: boolean;
  /** STARTTLS is mandatory: the send fails rather than fall back to plain text. */
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  /** The URL with the user name and password replaced by ****, safe to print. */
  shown: string;
}

/** Thrown for a missing or unusable SMTP_URL; the message never contains the credentials. */
export class SmtpConfigError extends Error {}

const EXAMPLE =
  'e.g. SMTP_URL=smtps://user:password@smtp.example.org:465, or smtp://127.0.0.1:1025 for a local test server';

/**
 * Reads SMTP_URL. smtps:// uses TLS from the start; smtp:// to any host
 * but this machine must upgrade with STARTTLS, so credentials and recipients
 * never cross a network in clear text. Only a loopback server may be plain.
 */
export function smtpConfig(env: NodeJS.ProcessEnv): SmtpConfig {
  const raw = env.SMTP_URL;
  if (!raw) throw new SmtpConfigError(`SMTP_URL is not set; it names the mail server (${EXAMPLE}).`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SmtpConfigError(`SMTP_URL is not a URL (${EXAMPLE}).`);
  }
  const secure = url.protocol === 'smtps:';
  if (!secure && url.protocol !== 'smtp:')
    throw new SmtpConfigError(
      `SMTP_URL must start with smtps:// or smtp://, not ${url.protocol}// (${EXAMPLE}).`,
    );
  const shown = `${url.protocol}//${url.username || url.password ? '****:****@' : ''}${url.host}`;
  if (!url.hostname) throw new SmtpConfigError(`SMTP_URL ${shown} names no host (${EXAMPLE}).`);
  // Options in the query (e.g. ?tls.rejectUnauthorized=false) could weaken TLS; none are read.
  if (url.search || url.hash || (url.pathname && url.pathname !== '/')) {
    throw new SmtpConfigError(
      `SMTP_URL ${shown} has a path or options after the host; only scheme://user:password@host:port is read.`,
    );
  }
  const loopback = isLoopback(url.hostname);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && !loopback,
    auth: url.username
      ? { user: decoded(url.username, 'user name', shown), pass: decoded(url.password, 'password', shown) }
      : undefined,
    shown: `${shown}${secure ? ' (TLS)' : loopback ? ' (this machine)' : ' (STARTTLS required)'}`,
  };
}

/** A user name or password as written in the URL, %XX escapes decoded; a stray % is said, never printed. */
function decoded(text: string, what: string, shown: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new SmtpConfigError(
      `SMTP_URL ${shown}: the ${what} holds a % that is not followed by two hex ` +
        `digits; write a % in it as %25 (and @ as %40, : as %3A, / as %2F).`,
    );
  }
}

/** True for this machine: localhost, 127.0.0.0/8 and ::1. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  // The URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1.
  if (isIP(host) === 6) return host === '::1' || /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(host);
  return false;
}
