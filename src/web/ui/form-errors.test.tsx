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
});
