// The public face of auth: sessions, logins and API keys.
export { type AuthService, createAuthService } from './service';
export { revokeSessionsOfUser, SESSIONS_ENDED_CHANNEL } from './sessions';
