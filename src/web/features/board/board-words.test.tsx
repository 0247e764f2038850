import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BoardChannel } from '@shared/board/schemas';
import { PostBody } from './PostBody';
import { mentionedIn, mentionQuery, withShortLocationNames } from './words';

const channel = (locationName: string | null, kind: BoardChannel['kind'] = 'location'): BoardChannel => ({
  id: crypto.randomUUID(),
  kind,
  locationId: locationName ? crypto.randomUUID() : null,
  locationName,
  department: null,
  unread: 0,
  lastPostAt: null,
});

describe('board words', () => {
  it("names locations without the group's name they all start with", () => {
    const names = withShortLocationNames([
      channel(null, 'group'),
      channel('Autohaus Bergmann München'),
      channel('Autohaus Bergmann Köln'),
    ]).map((c) => c.locationName);
    expect(names).toEqual([null, 'München', 'Köln']);
  });

  it('offers readers after an "@" at the caret and finds whom a text mentions', () => {
    expect(mentionQuery('Danke @Mi', 9)).toEqual({ start: 6, query: 'Mi' });
    expect(mentionQuery('mail@example', 12)).toBeNull();
    const readers = [
      { id: 'a', name: 'Mira Voigt' },
      { id: 'b', name: 'Ryan Kappler' },
    ];
    expect(mentionedIn('Danke @Ryan Kappler, bitte prüfen', readers)).toEqual(['b']);
  });
});

describe('PostBody', () => {
  it('shows quoted lines as a quote block and keeps the rest as written', async () => {
    render(
      <MantineProvider>
        <PostBody body={'> Hat geraucht.\n> Laut geworden.\nDanke,\nbitte prüfen.'} />
      </MantineProvider>,
    );
    const quote = await screen.findByTestId('board-quote');
    expect(quote.textContent).toBe('Hat geraucht.\nLaut geworden.');
    expect(screen.getByText(/Danke,/).textContent).toBe('Danke,\nbitte prüfen.');
  });
});
