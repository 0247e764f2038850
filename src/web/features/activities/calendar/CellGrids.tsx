import { Anchor, Text, Tooltip } from '@mantine/core';
import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../queries';
import { berlinParts } from '../time';
import { formatShortDay } from '../words';
import classes from './calendar.module.css';
import { EventChip } from './EventBox';
import { belongsTo, type Column } from './model';
import type { Mover } from './use-move';

const byTime = (a: Activity, b: Activity) =>
  Number(b.allDay) - Number(a.allDay) || Date.parse(a.startsAt) - Date.parse(b.startsAt);

function useDrop(mover: Mover) {
  const [dropKey, setDropKey] = useState<string | null>(null);
  return {
    dropKey,
    handlers: (column: Column) => ({
      onDragOver: (event: DragEvent<HTMLElement>) => {
        if (!mover.current) return;
        event.preventDefault();
        if (dropKey !== column.key) setDropKey(column.key);
      },
      onDragLeave: () => setDropKey((current) => (current === column.key ? null : current)),
      onDrop: (event: DragEvent<HTMLElement>) => {
        event.preventDefault();
        setDropKey(null);
        void mover.drop({ day: column.day, ownerId: column.ownerId });
      },
    }),
  };
}

const MONTH_VISIBLE = 3;

/** The month: six weeks of days with their activities as lines; more than three fold into "+n". */
export function MonthGrid({
  columns,
  month,
  activities,
  mover,
  onOpen,
  onCreate,
  onShowDay,
}: {
  columns: Column[];
  /** "YYYY-MM" of the month shown; days of the neighbouring months are greyed. */
  month: string;
  activities: Activity[];
  mover: Mover;
  onOpen(activity: Activity): void;
  onCreate(column: Column): void;
  onShowDay(day: string): void;
}) {
  const { t } = useTranslation();
  const drop = useDrop(mover);
  const weekdays = columns.slice(0, 7).map((c) => formatShortDay(c.day).split(',')[0]);
  return (
    <div className={classes.frame} data-testid="month-grid">
      <div className={classes.month}>
        {weekdays.map((name) => (
          <div key={name} className={classes.monthHead}>
            {name}
          </div>
        ))}
        {columns.map((column) => {
          const items = activities.filter((a) => belongsTo(a, column)).sort(byTime);
          const visible = items.length > MONTH_VISIBLE + 1 ? items.slice(0, MONTH_VISIBLE) : items;
          return (
            <div
              key={column.key}
              className={classes.monthCell}
              data-outside={!column.day.startsWith(month) || undefined}
              data-holiday={column.holiday ? true : undefined}
              data-closed={column.open.length === 0 || undefined}
              data-today={column.today || undefined}
              data-drop-target={drop.dropKey === column.key || undefined}
              data-testid={`day-${column.day}`}
              onClick={(event) => event.target === event.currentTarget && onCreate(column)}
              {...drop.handlers(column)}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 4 }}>
                <Anchor
                  component="button"
                  type="button"
                  className={classes.dayNumber}
                  size="sm"
                  c="inherit"
                  onClick={() => onShowDay(column.day)}
                >
                  {Number(column.day.slice(8))}
                </Anchor>
                {column.holiday && (
                  <Tooltip label={column.holiday}>
                    <Text size="10px" c="red.7" fw={500} truncate>
                      {column.holiday}
                    </Text>
                  </Tooltip>
                )}
              </div>
              {visible.map((activity) => (
                <EventChip key={activity.id} activity={activity} mover={mover} onOpen={onOpen} showTime />
              ))}
              {items.length > visible.length && (
                <Anchor component="button" type="button" size="xs" onClick={() => onShowDay(column.day)}>
                  {t('calendar.more', { count: items.length - visible.length })}
                </Anchor>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The team's week: a row per person, a cell per day; drag moves to another day or person. */
export function TeamBoard({
  people,
  days,
  cellOf,
  header,
  activities,
  mover,
  onOpen,
  onCreate,
}: {
  people: Array<{ id: string; displayName: string }>;
  days: string[];
  cellOf(personId: string, day: string): Column;
  header(day: string): ReactNode;
  activities: Activity[];
  mover: Mover;
  onOpen(activity: Activity): void;
  onCreate(column: Column): void;
}) {
  const drop = useDrop(mover);
  const template = `180px repeat(${days.length}, minmax(120px, 1fr))`;
  return (
    <div className={classes.frame} data-testid="team-board">
      <div className={classes.head} style={{ gridTemplateColumns: template }}>
        <div />
        {days.map((day) => (
          <div key={day} className={classes.headCell}>
            {header(day)}
          </div>
        ))}
      </div>
      <div className={classes.board} style={{ gridTemplateColumns: template }}>
        {people.map((person) => (
          <PersonRow key={person.id} name={person.displayName}>
            {days.map((day) => {
              const column = cellOf(person.id, day);
              const items = activities
                .filter((a) => belongsTo(a, column))
                .sort((a, b) => byTime(a, b) || berlinParts(a.startsAt).minutes - berlinParts(b.startsAt).minutes);
              return (
                <div
                  key={column.key}
                  className={classes.boardCell}
                  data-closed={column.open.length === 0 || column.holiday ? true : undefined}
                  data-absent={column.absent || undefined}
                  data-drop-target={drop.dropKey === column.key || undefined}
                  data-testid={`cell-${column.key}`}
                  onClick={(event) => event.target === event.currentTarget && onCreate(column)}
                  {...drop.handlers(column)}
                >
                  {items.map((activity) => (
                    <EventChip key={activity.id} activity={activity} mover={mover} onOpen={onOpen} showTime />
                  ))}
                </div>
              );
            })}
          </PersonRow>
        ))}
      </div>
    </div>
  );
}

function PersonRow({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <div className={classes.boardName}>{name}</div>
      {children}
    </>
  );
}
