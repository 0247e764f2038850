import { IconAlertTriangle, IconMapPin } from '@tabler/icons-react';
import type { CSSProperties, DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../queries';
import { berlinParts, hhmm } from '../time';
import { TYPE_COLORS } from '../type-colors';
import classes from './calendar.module.css';
import type { Mover } from './use-move';

export function eventColors(activity: Activity): CSSProperties {
  const color = TYPE_COLORS[activity.type];
  return {
    ['--event-color' as string]: `var(--mantine-color-${color}-6)`,
    ['--event-bg' as string]: `var(--mantine-color-${color}-0)`,
    ['--event-border' as string]: `var(--mantine-color-${color}-2)`,
  };
}

function dragProps(activity: Activity, mover: Mover) {
  const movable = activity.status === 'open';
  return {
    draggable: movable,
    onDragStart: (event: DragEvent<HTMLElement>) => {
      const rect = event.currentTarget.getBoundingClientRect();
      mover.start(activity, event.clientY - rect.top);
      event.dataTransfer?.setData('text/plain', activity.id);
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    },
    onDragEnd: () => mover.end(),
  };
}

/** A timed activity in the hour grid. */
export function EventBox({
  activity,
  style,
  mover,
  onOpen,
  compact = false,
}: {
  activity: Activity;
  style: CSSProperties;
  /** Too short for two lines: the time goes before the subject. */
  compact?: boolean;
  mover: Mover;
  onOpen(activity: Activity): void;
}) {
  const { t } = useTranslation();
  const start = berlinParts(activity.startsAt).minutes;
  const end = activity.endsAt ? berlinParts(activity.endsAt).minutes : null;
  const time = end === null ? hhmm(start) : `${hhmm(start)}–${hhmm(end)}`;
  return (
    <button
      type="button"
      className={classes.event}
      style={{ ...eventColors(activity), ...style }}
      data-status={activity.status}
      data-overdue={activity.overdue || undefined}
      data-activity-id={activity.id}
      title={`${t(`texts.activityType.${activity.type}`)}: ${activity.subject} (${time})`}
      onClick={(event) => {
        event.stopPropagation();
        onOpen(activity);
      }}
      {...dragProps(activity, mover)}
    >
      <div className={classes.eventTitle}>
        {activity.overdue && <IconAlertTriangle size={11} color="var(--mantine-color-red-6)" />}{' '}
        {compact && <span className={classes.eventMeta}>{hhmm(start)} </span>}
        {activity.subject}
      </div>
      {!compact && (
        <div className={classes.eventMeta}>
          {time} · {t(`texts.activityType.${activity.type}`)}
          {activity.contact ? ` · ${activity.contact.label}` : ''}
        </div>
      )}
      {activity.place && !compact && (
        <div className={classes.eventMeta}>
          <IconMapPin size={10} /> {activity.place}
        </div>
      )}
    </button>
  );
}

/** An all-day task or an activity in a month or board cell: one line. */
export function EventChip({
  activity,
  mover,
  onOpen,
  showTime = false,
}: {
  activity: Activity;
  mover: Mover;
  onOpen(activity: Activity): void;
  showTime?: boolean;
}) {
  const { t } = useTranslation();
  const time = !activity.allDay && showTime ? `${hhmm(berlinParts(activity.startsAt).minutes)} ` : '';
  return (
    <button
      type="button"
      className={classes.chip}
      style={eventColors(activity)}
      data-status={activity.status}
      data-overdue={activity.overdue || undefined}
      data-activity-id={activity.id}
      title={`${t(`texts.activityType.${activity.type}`)}: ${activity.subject}`}
      onClick={(event) => {
        event.stopPropagation();
        onOpen(activity);
      }}
      {...dragProps(activity, mover)}
    >
      {activity.overdue && <IconAlertTriangle size={11} color="var(--mantine-color-red-6)" style={{ flex: 'none' }} />}
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {time}
        {activity.subject}
      </span>
    </button>
  );
}
