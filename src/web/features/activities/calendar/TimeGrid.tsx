import { useState, type DragEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../queries';
import { berlinParts, hhmm } from '../time';
import classes from './calendar.module.css';
import { EventBox, EventChip } from './EventBox';
import {
  belongsTo,
  type Column,
  type DropTarget,
  HOUR_HEIGHT,
  minutesAt,
  PX_PER_MINUTE,
  place,
  visibleHours,
} from './model';
import type { Mover } from './use-move';

interface TimeGridProps {
  columns: Column[];
  /** The header of each column (day, or person and day). */
  header(column: Column): ReactNode;
  activities: Activity[];
  mover: Mover;
  now: Date;
  minColumnWidth?: number;
  onOpen(activity: Activity): void;
  onCreate(column: Column, minutes: number | null): void;
}

/** Closed stretches of a day (outside the opening hours) between the grid's first and last hour. */
function closedStretches(column: Column, firstHour: number, lastHour: number): Array<[number, number]> {
  const from = firstHour * 60;
  const to = lastHour * 60;
  if (column.holiday || column.open.length === 0) return [[from, to]];
  const stretches: Array<[number, number]> = [];
  let cursor = from;
  for (const [open, close] of [...column.open].sort((a, b) => a[0] - b[0])) {
    if (open > cursor) stretches.push([cursor, Math.min(open, to)]);
    cursor = Math.max(cursor, close);
  }
  if (cursor < to) stretches.push([cursor, to]);
  return stretches.filter(([a, b]) => b > a);
}

/** The day and week views (and the team's day, a column per person): hours down, columns across. */
export function TimeGrid({
  columns,
  header,
  activities,
  mover,
  now,
  minColumnWidth = 110,
  onOpen,
  onCreate,
}: TimeGridProps) {
  const { t } = useTranslation();
  const [dropKey, setDropKey] = useState<string | null>(null);
  const [firstHour, lastHour] = visibleHours(activities, columns);
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  const template = `64px repeat(${columns.length}, minmax(${minColumnWidth}px, 1fr))`;
  const nowParts = berlinParts(now);

  function target(column: Column, event: DragEvent<HTMLElement>): DropTarget {
    const rect = event.currentTarget.getBoundingClientRect();
    const offset = event.clientY - rect.top - (mover.current?.grabOffset ?? 0);
    // Without a pointer position (keyboard-driven drops in some browsers) the day changes and the time stays.
    const minutes = Number.isFinite(offset) ? minutesAt(offset, firstHour, 15) : undefined;
    return { day: column.day, minutes, ownerId: column.ownerId };
  }

  const dropHandlers = (column: Column, key: string, allDay: boolean) => ({
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (!mover.current) return;
      event.preventDefault();
      if (dropKey !== key) setDropKey(key);
    },
    onDragLeave: () => setDropKey((current) => (current === key ? null : current)),
    onDrop: (event: DragEvent<HTMLElement>) => {
      event.preventDefault();
      setDropKey(null);
      void mover.drop(allDay ? { day: column.day, allDay: true, ownerId: column.ownerId } : target(column, event));
    },
  });

  function clickSlot(column: Column, event: MouseEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const offset = event.clientY - rect.top;
    onCreate(column, Math.floor((firstHour * 60 + offset / PX_PER_MINUTE) / 30) * 30);
  }

  return (
    <div className={classes.frame} data-testid="time-grid">
      <div className={classes.head} style={{ gridTemplateColumns: template }}>
        <div />
        {columns.map((column) => (
          <div key={column.key} className={classes.headCell} data-today={column.today || undefined}>
            {header(column)}
          </div>
        ))}
      </div>
      <div className={classes.allDayRow} style={{ gridTemplateColumns: template }}>
        <div className={classes.gutterLabel}>{t('calendar.allDay')}</div>
        {columns.map((column) => (
          <div
            key={column.key}
            className={classes.allDayCell}
            data-drop-target={dropKey === `${column.key}:all` || undefined}
            data-testid={`all-day-${column.key}`}
            onClick={(event) => event.target === event.currentTarget && onCreate(column, null)}
            {...dropHandlers(column, `${column.key}:all`, true)}
          >
            {activities
              .filter((a) => a.allDay && belongsTo(a, column))
              .map((activity) => (
                <EventChip key={activity.id} activity={activity} mover={mover} onOpen={onOpen} />
              ))}
          </div>
        ))}
      </div>
      <div
        className={classes.body}
        style={{ gridTemplateColumns: template, ['--hour-height' as string]: `${HOUR_HEIGHT}px` }}
      >
        <div className={classes.hours} style={{ height: hours.length * HOUR_HEIGHT }}>
          {hours.map((hour, i) =>
            i === 0 ? null : (
              <div key={hour} className={classes.hourLabel} style={{ top: i * HOUR_HEIGHT }}>
                {hhmm(hour * 60)}
              </div>
            ),
          )}
        </div>
        {columns.map((column) => {
          const placed = place(
            activities.filter((a) => belongsTo(a, column)),
            firstHour,
          );
          return (
            <div
              key={column.key}
              className={classes.column}
              style={{ height: hours.length * HOUR_HEIGHT }}
              data-testid={`column-${column.key}`}
              data-drop-target={dropKey === column.key || undefined}
              onClick={(event) => clickSlot(column, event)}
              {...dropHandlers(column, column.key, false)}
            >
              {closedStretches(column, firstHour, lastHour).map(([from, to]) => (
                <div
                  key={from}
                  className={classes.closed}
                  style={{ top: (from - firstHour * 60) * PX_PER_MINUTE, height: (to - from) * PX_PER_MINUTE }}
                />
              ))}
              {column.absent && <div className={classes.absent} />}
              {column.day === nowParts.day &&
                nowParts.minutes >= firstHour * 60 &&
                nowParts.minutes < lastHour * 60 && (
                  <div className={classes.now} style={{ top: (nowParts.minutes - firstHour * 60) * PX_PER_MINUTE }} />
                )}
              {placed.map(({ activity, top, height, lane, lanes }) => (
                <EventBox
                  key={activity.id}
                  activity={activity}
                  mover={mover}
                  onOpen={onOpen}
                  compact={height < 40}
                  style={{
                    top,
                    height,
                    left: `calc(${(lane / lanes) * 100}% + 2px)`,
                    width: `calc(${100 / lanes}% - 4px)`,
                  }}
                />
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
