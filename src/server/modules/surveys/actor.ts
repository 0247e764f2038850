import type { UserActor } from '@server/http/access';
import type { OrgService } from '@server/modules/org';

/**
 * A colleague as the author of work done without their session: the customer answered the link
 * they sent, so the follow-up requests are taken in on their behalf (intake needs someone to have
 * written them); the demo data writes its answers the same way.
 */
export function actorOf(user: Awaited<ReturnType<OrgService['getUser']>>): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    role: user.role,
    email: user.email,
    displayName: user.displayName,
    homeLocationId: user.homeLocationId,
    locationIds: user.locationIds,
    locale: user.locale,
    mustChangePassword: false,
    sessionId: '',
    csrfToken: '',
  };
}
