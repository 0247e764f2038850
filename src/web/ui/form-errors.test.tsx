import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IsoDate } from '@shared/common';
import { ApiError } from './api';
import { describeProblem, serverFieldErrors, zodValidate } from './form-errors';

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

  it('words refused files, import rows and ADF documents in German by their code, naming the file', () => {
    const upload = new ApiError({
      status: 413,
      errors: [
        {
          field: 'files.1',
          in: 'body',
          code: 'file_too_large',
          params: { fileName: 'riesig.pdf', megabytes: 10 },
          message: '"riesig.pdf" is larger than 10 MB',
        },
        {
          field: 'files.2',
          in: 'body',
          code: 'file_content_mismatch',
          params: { fileName: 'rechnung.pdf' },
          message: '"rechnung.pdf" is a program',
        },
      ],
    });
    expect(describeProblem(upload)).toBe(
      '„riesig.pdf“ ist größer als 10 MB. ' +
        '„rechnung.pdf“ ist nicht das, was Name oder Dateityp angeben (z. B. ein Programm oder eine umbenannte Datei).',
    );

    const mapping = new ApiError({
      status: 400,
      errors: [
        {
          field: 'mapping',
          in: 'body',
          code: 'column_required',
          params: { fields: ['lastName', 'companyName'] },
          message: 'map a column to lastName or companyName',
        },
        { field: 'prospect[0].customer', in: 'body', code: 'missing', message: 'missing: prospect[0].customer' },
      ],
    });
    expect(serverFieldErrors(mapping)).toEqual({
      mapping: 'Bitte eine Spalte zuordnen: Nachname oder Firmenname',
      'prospect[0].customer': 'Fehlt im Dokument',
    });
  });
});
