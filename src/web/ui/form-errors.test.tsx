import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IsoDate } from '@shared/common';
import { ApiError } from './api';
import { serverFieldErrors, zodValidate } from './form-errors';

describe('form errors in the user’s language', () => {
  it('asks for a year between 1900 and 2200 when a date is typed with an impossible year', () => {
    const validate = zodValidate(z.object({ dateOfBirth: IsoDate }));
    expect(validate({ dateOfBirth: '0202-05-01' })).toEqual({
      dateOfBirth: 'Bitte ein Datum zwischen 1900 und 2200 angeben',
    });
  });

  it('says which field holds characters that cannot be stored', () => {
    const error = new ApiError({
      status: 400,
      errors: [
        {
          field: 'notes',
          in: 'body',
          code: 'unstorable_text',
          message: 'contains a NUL character (U+0000), which cannot be stored',
        },
      ],
    });
    expect(serverFieldErrors(error)).toEqual({
      notes: 'Enthält Zeichen, die nicht gespeichert werden können (z. B. ein Nullzeichen aus einer Kopie)',
    });
  });

  it('words server errors by their code and parameters, not by their English message', () => {
    const error = new ApiError({
      status: 400,
      errors: [
        { field: 'subject', in: 'body', code: 'too_long', params: { max: 200 }, message: 'Too big: expected …' },
        { field: 'startsOn', in: 'body', code: 'overlaps_absence', message: 'overlaps another absence' },
        { field: 'body', in: 'body', code: 'unknown_placeholder', params: { placeholder: '{{x}}' }, message: '…' },
        { field: 'notes', in: 'body', code: 'something_new', message: 'is something new' },
      ],
    });
    expect(serverFieldErrors(error)).toEqual({
      subject: 'Höchstens 200 Zeichen',
      startsOn: 'Für diese Zeit ist schon eine Abwesenheit eingetragen.',
      body: 'Unbekannter Platzhalter: {{x}}',
      notes: 'is something new',
    });
  });
});
