import { Loader, type MantineSize } from '@mantine/core';
import { useEffect, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import i18n from '@web/i18n';
import classes from './PhoneLink.module.css';
import { clickToCall } from './queries';

/** How long "Wählt …" stays after the phone system took the call: the desk phone rings back by then. */
const DIALLING_MS = 6000;

interface PhoneLinkProps {
  /** What is dialled: E.164 where known, else the number as typed. */
  number: string;
  /**
   * What is shown; defaults to the number as given. Lists and records get their numbers already formatted
   * by the server; an E.164 number comes with `displayPhone(number)` here, so that the pages showing
   * links need not load the phone number metadata.
   */
  display?: string;
  /** The customer called, so the call lands on the right record. */
  contactId?: string;
  size?: MantineSize;
  fw?: number;
}

/** Hands a tel: link to the operating system (softphone, paired mobile, …): the fallback without a phone system. */
function openTel(href: string) {
  window.open(href, '_self');
}

/**
 * Every phone number in the app: a click dials through the phone system from
 * the user's own extension (R0.1). Without an adapter for that extension, or
 * if the phone system fails, the tel: link opens instead.
 */
export function PhoneLink({ number, display, contactId, size = 'sm', fw }: PhoneLinkProps) {
  const [state, setState] = useState<'idle' | 'requesting' | 'dialling'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const href = `tel:${number.replace(/[^\d+*#]/g, '')}`;
  const shown = display ?? number;

  const dial = async (event: MouseEvent<HTMLAnchorElement>) => {
    // Links inside clickable rows must not open the row as well.
    event.stopPropagation();
    // Modifier clicks keep the browser's own meaning (copy link, new window).
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (state !== 'idle') return;
    setState('requesting');
    try {
      const answer = await clickToCall(number, contactId);
      if (answer.mode === 'pbx') {
        setState('dialling');
        timer.current = setTimeout(() => setState('idle'), DIALLING_MS);
        return;
      }
      setState('idle');
      openTel(answer.href || href);
    } catch {
      setState('idle');
      openTel(href);
    }
  };

  const style: CSSProperties = {
    fontSize: `var(--mantine-font-size-${size})`,
    lineHeight: `var(--mantine-line-height-${size})`,
    fontWeight: fw,
  };
  // Texts from the shared i18n instance rather than a useTranslation subscription per link: a list shows
  // fifty, and every page that shows links re-renders them when the language changes.
  return (
    <span className={classes.wrap}>
      <a
        href={href}
        className={classes.link}
        style={style}
        onClick={(event) => void dial(event)}
        title={i18n.t('telephony.dial.call', { number: shown })}
      >
        {shown}
      </a>
      {state === 'requesting' && <Loader size={12} />}
      {state === 'dialling' && (
        <span className={classes.dialling} role="status">
          {i18n.t('telephony.dial.dialling')}
        </span>
      )}
    </span>
  );
}
