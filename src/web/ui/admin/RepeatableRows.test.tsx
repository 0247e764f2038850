import { Select, TextInput } from '@mantine/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@web/test/render';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { RepeatableRows } from './RepeatableRows';

interface Phone {
  kind: string;
  number: string;
}

function Phones({ initial, max }: { initial: Phone[]; max?: number }) {
  const [phones, setPhones] = useState(initial);
  return (
    <RepeatableRows
      label="Telefonnummern"
      rows={phones}
      onAdd={() => setPhones((rows) => [...rows, { kind: 'mobile', number: '' }])}
      onRemove={(index) => setPhones((rows) => rows.filter((_, i) => i !== index))}
      addLabel="Telefonnummer hinzufügen"
      removeLabel="Telefonnummer entfernen"
      max={max}
    >
      {(phone, index) => (
        <>
          <Select aria-label="Art" data={['mobile', 'landline']} value={phone.kind} readOnly />
          <TextInput
            aria-label="Telefonnummer"
            value={phone.number}
            onChange={(event) => {
              const number = event.currentTarget.value;
              setPhones((rows) => rows.map((row, i) => (i === index ? { ...row, number } : row)));
            }}
          />
        </>
      )}
    </RepeatableRows>
  );
}

async function renderPhones(initial: Phone[], max?: number) {
  stubFetch({ 'GET /api/auth/session': session(adminUser), 'GET /api/locations': { body: locations } });
  renderWithProviders(<Phones initial={initial} max={max} />);
  return screen.findByRole('group', { name: 'Telefonnummern' });
}

describe('RepeatableRows', () => {
  it('names the list and each row, so a screen reader says which number a field belongs to', async () => {
    const list = await renderPhones([
      { kind: 'mobile', number: '0171 1234567' },
      { kind: 'landline', number: '089 123456' },
    ]);

    const second = within(list).getByRole('group', { name: 'Telefonnummern 2' });
    expect(within(second).getByRole('textbox', { name: 'Telefonnummer' })).toHaveValue('089 123456');
    expect(within(list).getAllByRole('button', { name: 'Telefonnummer entfernen' })).toHaveLength(2);
  });

  it('adds a row from the keyboard and puts the cursor in its first text field', async () => {
    const user = userEvent.setup();
    const list = await renderPhones([{ kind: 'mobile', number: '0171 1234567' }]);

    within(list).getByRole('button', { name: 'Telefonnummer hinzufügen' }).focus();
    await user.keyboard('{Enter}');

    const added = within(list).getByRole('group', { name: 'Telefonnummern 2' });
    const number = within(added).getByRole('textbox', { name: 'Telefonnummer' });
    expect(number).toHaveFocus();
    await user.keyboard('040 998877');
    expect(number).toHaveValue('040 998877');
  });

  it('removes the chosen row from the keyboard and leaves focus on the add button', async () => {
    const user = userEvent.setup();
    const list = await renderPhones([
      { kind: 'mobile', number: '0171 1234567' },
      { kind: 'landline', number: '089 123456' },
    ]);

    within(list).getAllByRole('button', { name: 'Telefonnummer entfernen' })[0]!.focus();
    await user.keyboard(' ');

    const numbers = within(list).getAllByRole('textbox', { name: 'Telefonnummer' });
    expect(numbers.map((field) => (field as HTMLInputElement).value)).toEqual(['089 123456']);
    expect(within(list).getByRole('button', { name: 'Telefonnummer hinzufügen' })).toHaveFocus();
  });

  it('offers no add button once the list is full', async () => {
    const user = userEvent.setup();
    const list = await renderPhones([{ kind: 'mobile', number: '0171 1234567' }], 2);

    await user.click(within(list).getByRole('button', { name: 'Telefonnummer hinzufügen' }));

    expect(within(list).getAllByRole('textbox', { name: 'Telefonnummer' })).toHaveLength(2);
    expect(within(list).queryByRole('button', { name: 'Telefonnummer hinzufügen' })).not.toBeInTheDocument();
  });
});
