import { z } from 'zod';
import { API_KEY_SCOPES, LOCALES, ROLES } from '../org/enums';

export const LoginBody = z.object({
  email: z.email().trim().toLowerCase(),
  password: z.string().min(1).max(200),
});

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  homeLocationId: z.uuid(),
  locationIds: z.array(z.uuid()),
  locale: z.enum(LOCALES),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const SessionInfo = z.object({
  user: Me,
  csrfToken: z.string(),
  /** False while no mail server is set up: mails then wait in the outbox, and the app says so. */
  mailServer: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string().min(10, 'must be at least 10 characters').max(200),
});

export const ApiKeyCreate = z.object({
  name: z.string().trim().min(2).max(80),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1),
});

export const ApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** The secret is returned exactly once, when the key is created. */
export const ApiKeyCreated = ApiKey.extend({ secret: z.string() });
