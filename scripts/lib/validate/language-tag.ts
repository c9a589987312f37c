import { z } from 'zod';

/** A BCP 47 language tag (`en`, `en-GB`, `ur`), as the report and the brand give it for /Lang, the deck and
 * the page. */
export const languageTag = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'must be a language tag such as en, en-GB or ur' });
