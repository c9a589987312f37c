import { createPrivateKey } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { SmtpConfigError } from './smtp-config.ts';

/** DKIM signing as nodemailer's `dkim` option takes it. */
export interface DkimConfig {
  domainName: string;
  keySelector: string;
  /** PEM; never printed. */
  privateKey: string;
  /** "sel._domainkey.example.org", the DNS name of the public key: safe to print. */
  shown: string;
}

const NAMES = ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE'] as const;
const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const SELECTOR = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Optional DKIM signing, from the environment only (like SMTP_URL):
 * DKIM_DOMAIN, DKIM_SELECTOR and the private key as PEM in DKIM_PRIVATE_KEY or
 * in the file DKIM_PRIVATE_KEY_FILE. None set: no signing. Some but not all,
 * or a key that does not parse: a SmtpConfigError naming what is wrong and
 * never the key.
 */
export function dkimConfig(env: NodeJS.ProcessEnv): DkimConfig | undefined {
  const domain = env.DKIM_DOMAIN?.trim();
  const selector = env.DKIM_SELECTOR?.trim();
  const keyFile = env.DKIM_PRIVATE_KEY_FILE?.trim();
  const keyText = env.DKIM_PRIVATE_KEY;
  const given = [domain, selector, keyText || keyFile];
  if (given.every((g) => !g)) return undefined;
  const missing = NAMES.filter((_, i) => !given[i]);
  if (missing.length)
    throw new SmtpConfigError(
      `DKIM signing needs ${NAMES.join(', ')}; ${missing.join(' and ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} not set.`,
    );
  if (keyText && keyFile)
    throw new SmtpConfigError('set DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE, not both.');
  if (!HOSTNAME.test(domain!))
    throw new SmtpConfigError(
      `DKIM_DOMAIN must be a domain such as example.org, not ${JSON.stringify(domain)}.`,
    );
  if (!SELECTOR.test(selector!))
    throw new SmtpConfigError(
      `DKIM_SELECTOR must be a DNS label such as mail2026, not ${JSON.stringify(selector)}.`,
    );
  let privateKey: string;
  try {
    // A FIFO or device here would block the read or never end it.
    if (keyFile && !statSync(keyFile).isFile())
      throw Object.assign(new Error('not a file'), { code: 'not a regular file' });
    privateKey = keyFile ? readFileSync(keyFile, 'utf8') : keyText!.replace(/\\n/g, '\n');
  } catch (error) {
    throw new SmtpConfigError(
      `DKIM_PRIVATE_KEY_FILE ${keyFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  try {
    const key = createPrivateKey(privateKey);
    if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'ed25519')
      throw new Error(key.asymmetricKeyType);
  } catch {
    // The key's text is never echoed: the message names only where it came from.
    throw new SmtpConfigError(
      `${keyFile ? `DKIM_PRIVATE_KEY_FILE ${keyFile}` : 'DKIM_PRIVATE_KEY'} is ` +
        `not an RSA or Ed25519 private key in PEM form (-----BEGIN PRIVATE KEY-----…).`,
    );
  }
  return {
    domainName: domain!.toLowerCase(),
    keySelector: selector!,
    privateKey,
    shown: `${selector}._domainkey.${domain!.toLowerCase()}`,
  };
}
