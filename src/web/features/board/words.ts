import type { TFunction } from 'i18next';
import type { BoardChannel } from '@shared/board/schemas';

/** "Alle Standorte", "München", "München · Verkauf". */
export function channelName(channel: BoardChannel, t: TFunction): string {
  if (channel.kind === 'group') return t('board.channels.group');
  const location = channel.locationName ?? t('board.channels.unknownLocation');
  if (channel.kind === 'location' || !channel.department) return location;
  return `${location} · ${t(`departments.${channel.department}`)}`;
}

/** The words after an "@" being typed at the caret, or null when none is. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)@([\p{L}\p{M}.'-]*(?: [\p{L}\p{M}.'-]*)?)$/u.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/** The readers named "@Full Name" in the text: whom the post mentions. */
export function mentionedIn(text: string, readers: Array<{ id: string; name: string }>): string[] {
  return readers.filter((r) => r.name && text.includes(`@${r.name}`)).map((r) => r.id);
}

/**
 * "Autohaus Bergmann München" → "München" where every location's name starts with the same
 * words (the group's name): the channel list stays readable.
 */
export function withShortLocationNames(channels: BoardChannel[]): BoardChannel[] {
  const names = [...new Set(channels.flatMap((c) => (c.locationName ? [c.locationName] : [])))];
  if (names.length < 2) return channels;
  const split = names.map((n) => n.split(' '));
  let common = 0;
  while (split.every((words) => words.length > common + 1 && words[common] === split[0]![common])) common += 1;
  if (common === 0) return channels;
  return channels.map((c) =>
    c.locationName ? { ...c, locationName: c.locationName.split(' ').slice(common).join(' ') } : c,
  );
}
