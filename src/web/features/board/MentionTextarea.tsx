import { Avatar, Group, Paper, Stack, Text, Textarea, UnstyledButton, type TextareaProps } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_LIMITS } from '@shared/board/schemas';
import type { BoardPerson } from './queries';
import { mentionQuery } from './words';

const SUGGESTIONS = 6;

interface MentionTextareaProps extends Omit<TextareaProps, 'value' | 'onChange' | 'onSubmit'> {
  value: string;
  onChange(value: string): void;
  /** Who may be @mentioned: the channel's readers. */
  readers: BoardPerson[];
  /** Ctrl+Enter. */
  onSubmit(): void;
}

/** A text box that offers the channel's readers after an "@"; Enter or Tab takes the first offered. */
export function MentionTextarea({ value, onChange, readers, onSubmit, ...props }: MentionTextareaProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const token = mentionQuery(value, caret);
  const offered = token
    ? readers
        .filter((r) => r.name.toLocaleLowerCase('de').includes(token.query.toLocaleLowerCase('de').trim()))
        .slice(0, SUGGESTIONS)
    : [];

  function take(person: BoardPerson) {
    if (!token) return;
    const next = `${value.slice(0, token.start)}@${person.name} ${value.slice(caret)}`;
    const at = token.start + person.name.length + 2;
    onChange(next);
    setCaret(at);
    setActive(0);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(at, at);
    });
  }

  return (
    <Stack gap={4} pos="relative">
      <Textarea
        ref={ref}
        autosize
        minRows={3}
        maxRows={12}
        maxLength={BOARD_LIMITS.body}
        value={value}
        onChange={(e) => {
          onChange(e.currentTarget.value);
          setCaret(e.currentTarget.selectionStart ?? e.currentTarget.value.length);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit();
          } else if (offered.length > 0 && (e.key === 'Enter' || e.key === 'Tab')) {
            e.preventDefault();
            take(offered[Math.min(active, offered.length - 1)]!);
          } else if (offered.length > 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
            e.preventDefault();
            setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : offered.length - 1)) % offered.length);
          } else if (e.key === 'Escape' && token) {
            setCaret(0);
          }
        }}
        {...props}
      />
      {offered.length > 0 && (
        <Paper withBorder shadow="md" p={4} radius="md" role="listbox" aria-label={t('board.mention.label')}>
          {offered.map((person, i) => (
            <UnstyledButton
              key={person.id}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => take(person)}
              w="100%"
              p={6}
              style={{
                borderRadius: 6,
                background: i === active ? 'var(--mantine-color-blue-light)' : undefined,
              }}
            >
              <Group gap="xs">
                <Avatar size={22} radius="xl" color="blue">
                  {person.name.slice(0, 1)}
                </Avatar>
                <Text size="sm">{person.name}</Text>
              </Group>
            </UnstyledButton>
          ))}
        </Paper>
      )}
    </Stack>
  );
}
