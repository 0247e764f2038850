import { renderNotificationText, type RenderedNotification } from '@shared/texts/notifications';
import type { Translate } from '@shared/texts/translate';
import i18next, { currentLocale } from '@web/i18n';
import type { Notification } from './queries';

// The keys come from stored rows, so they cannot be checked against the table at compile time.
const translate: Translate = (key, params) => String(i18next.t(`texts.${key}` as never, params as never));

/**
 * Title and body in the user's language, from the key and parameters the server stored; the
 * stored (German) title and body where there are none, as on notifications from before.
 */
export function notificationWords(notification: Notification): RenderedNotification {
  const rendered = notification.text
    ? renderNotificationText(notification.text, translate, currentLocale())
    : undefined;
  return rendered ?? { title: notification.title, body: notification.body };
}
