// USERNAME_PASSWORD: a login, optionally with the URL it is for.
import { z } from 'zod';
import { nonEmptyString, urlString } from './fields.js';

export const usernamePasswordShape = z
  .object({
    username: nonEmptyString,
    password: nonEmptyString,
    url: urlString().optional(),
  })
  .strict();
