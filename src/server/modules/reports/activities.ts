import { ACTIVITY_TYPES } from '@shared/activities/enums';
import type { ActivityReport, ActivityReportRow } from '@shared/activities/report';
import { translator } from '@shared/texts/translate';
import type { DbOrTx } from '@server/db/client';
import { type ActivityFigures, activityFigures } from '@server/modules/activities';
import type { OrgService } from '@server/modules/org';
import { berlinDayStart } from './monitoring';

type Sums = Omit<ActivityReportRow, 'key' | 'label' | 'keptPct'>;

const zero = (): Sums => ({ planned: 0, done: 0, overdue: 0, fromRequests: 0, kept: 0, noShow: 0 });

function add(sums: Sums, f: ActivityFigures): Sums {
  return {
    planned: sums.planned + f.planned,
    done: sums.done + f.done,
    overdue: sums.overdue + f.overdue,
    fromRequests: sums.fromRequests + f.fromRequests,
    kept: sums.kept + f.kept,
    noShow: sums.noShow + f.noShow,
  };
}

const row = (key: string, label: string, sums: Sums): ActivityReportRow => {
  const marked = sums.kept + sums.noShow;
  return { key, label, ...sums, keptPct: marked === 0 ? null : Math.round((sums.kept / marked) * 1000) / 10 };
};

/**
 * Activities due in the period at the locations: planned, done and overdue per person and per
 * type, and "appointment kept" for the appointments that came from requests (R3.5).
 */
export async function activityReport(
  db: DbOrTx,
  org: Pick<OrgService, 'userRefs'>,
  locationIds: string[],
  range: { from: string; to: string },
  now: Date,
): Promise<ActivityReport> {
  const figures = await activityFigures(db, {
    locationIds,
    start: berlinDayStart(range.from),
    end: berlinDayStart(range.to, 1),
    now,
  });
  const group = (keyOf: (f: ActivityFigures) => string) => {
    const sums = new Map<string, Sums>();
    for (const f of figures) sums.set(keyOf(f), add(sums.get(keyOf(f)) ?? zero(), f));
    return sums;
  };
  const people = await org.userRefs([...new Set(figures.map((f) => f.ownerId))]);
  const t = translator('de');
  const byPerson = [...group((f) => f.ownerId)]
    .map(([id, sums]) => row(id, people.get(id)?.listName ?? people.get(id)?.displayName ?? '–', sums))
    .sort((a, b) => a.label.localeCompare(b.label, 'de'));
  const types = group((f) => f.type);
  const byType = ACTIVITY_TYPES.filter((type) => types.has(type)).map((type) =>
    row(type, t(`activityType.${type}`), types.get(type)!),
  );
  return {
    from: range.from,
    to: range.to,
    byPerson,
    byType,
    total: row('total', 'Gesamt', figures.reduce(add, zero())),
  };
}
