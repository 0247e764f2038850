import { Affix, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CallCard } from './CallCard';
import { useLivePops } from './use-live-pops';
import classes from './ScreenPop.module.css';

/**
 * Mounted once in the app shell: the pop-ups of the user's current calls,
 * bottom right, over whatever page is open — staff keep working while it rings.
 */
export function ScreenPop() {
  const { t } = useTranslation();
  const { pops, setMinimised, dismiss } = useLivePops();
  if (pops.length === 0) return null;
  return (
    <Affix position={{ bottom: 16, right: 16 }} zIndex={250}>
      <Stack gap="xs" align="flex-end" className={classes.stack} role="region" aria-label={t('telephony.pop.region')}>
        {pops.map((pop) => (
          <CallCard
            key={pop.event.callId}
            pop={pop}
            onMinimise={(minimised) => setMinimised(pop.event.callId, minimised)}
            onDismiss={() => dismiss(pop.event.callId)}
          />
        ))}
      </Stack>
    </Affix>
  );
}
