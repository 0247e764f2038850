import { ActionIcon, Badge, Group, Paper, Stack, Text, ThemeIcon, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronUp, IconMinus, IconX } from '@tabler/icons-react';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PhoneLink } from '../PhoneLink';
import { displayPhone, shownCallerNumber } from '../phone-display';
import { useCallPop, type CallLiveEvent } from '../queries';
import { CallPopBody } from './CallPopBody';
import { CALL_STATE_LOOK } from './call-look';
import type { LivePop } from './use-live-pops';
import classes from './ScreenPop.module.css';

interface CallCardProps {
  pop: LivePop;
  onMinimise(minimised: boolean): void;
  /** Escape pressed anywhere in the open card: fold it and put the focus back. */
  onEscape(): void;
  onDismiss(): void;
}

/** Milliseconds since the adapter received the event, as the browser's clock sees it. */
function sinceReceived(event: CallLiveEvent) {
  return Math.max(0, Date.now() - Date.parse(event.receivedAt));
}

/** The customer's name, else the number by the display rule, else "Rufnummer unterdrückt". */
function useCallTitle(event: CallLiveEvent) {
  const { t } = useTranslation();
  // The customer chosen or created since the call rang, also once the call is over (no more events then).
  const linked = useCallPop(event.callId).data?.call.contact?.displayName;
  const number = shownCallerNumber(event.number);
  return linked ?? event.displayName ?? (number ? displayPhone(number) : t('telephony.pop.withheld'));
}

function Header({ event, children }: { event: CallLiveEvent; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const look = CALL_STATE_LOOK[event.state];
  const StateIcon = look.icon;
  const title = useCallTitle(event);
  return (
    <Group gap="sm" wrap="nowrap" justify="space-between">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <ThemeIcon
          color={look.color}
          size={36}
          radius="xl"
          variant={event.state === 'ringing' ? 'filled' : 'light'}
          className={event.state === 'ringing' ? 'call-ringing' : undefined}
        >
          <StateIcon size={20} />
        </ThemeIcon>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed" truncate>
              {t(`telephony.pop.direction.${event.direction}`)}
            </Text>
            <Badge size="xs" color={look.color} variant="light" tt="none" data-testid="call-state">
              {t(`telephony.pop.state.${event.state}`)}
            </Badge>
          </Group>
          <Text fw={700} truncate>
            {title}
          </Text>
        </Stack>
      </Group>
      <Group gap={2} wrap="nowrap">
        {children}
      </Group>
    </Group>
  );
}

/**
 * One call's pop: shows number and name from the event at once, then the
 * customer from /api/calls/:id/pop. Records on its element how long after the
 * event each step appeared (data-shown-ms, data-pop-ms) and leaves a
 * performance mark "call-pop:<id>", so browser tests and the benchmark can read it.
 */
export function CallCard({ pop, onMinimise, onEscape, onDismiss }: CallCardProps) {
  const { t } = useTranslation();
  const { event } = pop;
  const ref = useRef<HTMLDivElement>(null);
  const title = useCallTitle(event);

  useLayoutEffect(() => {
    if (pop.live && ref.current && !ref.current.dataset.shownMs)
      ref.current.dataset.shownMs = String(sinceReceived(event));
  }, [pop.live, event]);

  const onRendered = useCallback(() => {
    if (!pop.live || !ref.current || ref.current.dataset.popMs) return;
    const ms = sinceReceived(event);
    ref.current.dataset.popMs = String(ms);
    performance.mark(`call-pop:${event.callId}`, { detail: { latencyMs: ms } });
  }, [pop.live, event]);

  const callerNumber = shownCallerNumber(event.number);
  const number = callerNumber ? (
    <PhoneLink number={callerNumber} display={displayPhone(callerNumber)} size="sm" />
  ) : (
    <Text size="sm" c="dimmed">
      {t('telephony.pop.withheld')}
    </Text>
  );

  return (
    <Paper
      ref={ref}
      shadow="xl"
      radius="md"
      withBorder
      w="100%"
      className={classes.card}
      role="dialog"
      aria-label={title}
      data-call-id={event.callId}
      data-call-state={event.state}
      style={{
        borderTop: `4px solid var(--mantine-color-${CALL_STATE_LOOK[event.state].color}-6)`,
        overflow: 'hidden',
      }}
      onKeyDown={(keyEvent) => {
        if (keyEvent.key === 'Escape' && !pop.minimised) {
          keyEvent.stopPropagation();
          onEscape();
        }
      }}
    >
      {pop.minimised ? (
        <UnstyledButton
          w="100%"
          p="sm"
          onClick={() => onMinimise(false)}
          aria-label={t('telephony.pop.expand', { name: title })}
        >
          <Header event={event}>
            <IconChevronUp size={18} />
          </Header>
        </UnstyledButton>
      ) : (
        <>
          <Stack gap={4} p="sm" pb="xs" bg="var(--mantine-color-gray-0)" style={{ flexShrink: 0 }}>
            <Header event={event}>
              <Tooltip label={t('telephony.pop.minimise')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => onMinimise(true)}
                  aria-label={t('telephony.pop.minimise')}
                >
                  <IconMinus size={18} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('telephony.pop.dismiss')}>
                <ActionIcon variant="subtle" color="gray" onClick={onDismiss} aria-label={t('telephony.pop.dismiss')}>
                  <IconX size={18} />
                </ActionIcon>
              </Tooltip>
            </Header>
            <Group pl={48}>{number}</Group>
          </Stack>
          {/* Scrolls up and down only: a card is never wider than its place. */}
          <div className={classes.body}>
            <CallPopBody callId={event.callId} number={callerNumber} onRendered={onRendered} />
          </div>
        </>
      )}
    </Paper>
  );
}
