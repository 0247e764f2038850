import { describe, expect, it } from 'vitest';
import { extractAdfFromEmail } from './email/extract.js';
import { fixture, onlyLead } from './test-helpers.js';

describe('extractAdfFromEmail', () => {
  it('finds the ADF in a multipart mail whose text part is quoted-printable', () => {
    const xml = extractAdfFromEmail(fixture('email-multipart-quoted-printable.eml'));
    expect(xml).not.toBeNull();
    expect(xml!.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml!.endsWith('</adf>')).toBe(true);
    expect(onlyLead(xml!)).toEqual(onlyLead(fixture('mobile-de.xml')));
  });

  it('falls back to the HTML part when the text part has no ADF', () => {
    const mail = fixture('email-multipart-quoted-printable.eml').replace(
      /(Content-Transfer-Encoding: quoted-printable\r\n\r\n)[\s\S]*?(\r\n------=_Part)/,
      '$1Bitte HTML-Ansicht verwenden.$2',
    );
    expect(mail).not.toContain('=3D');
    const lead = onlyLead(extractAdfFromEmail(mail)!);
    expect(lead.customer.fullName).toBe('Hans Müller');
    expect(lead.vendor?.name).toBe('Autohaus Weber GmbH & Co. KG');
  });

  it('decodes quoted-printable soft line breaks and =3D in a pasted mail body', () => {
    const lead = onlyLead(extractAdfFromEmail(fixture('email-body-quoted-printable.txt'))!);
    expect(lead.vehicles[0]).toMatchObject({ interest: 'test-drive', model: 'Enyaq' });
    expect(lead.customer.comments).toBe('Probefahrt am Wochenende möglich?');
  });

  it('unescapes an HTML-escaped ADF and strips the HTML around it', () => {
    const xml = extractAdfFromEmail(fixture('email-html-escaped.html'))!;
    expect(xml).toMatch(/^<\?ADF VERSION "1.0"\?>/);
    expect(xml).not.toMatch(/<br>|<div/);
    expect(onlyLead(xml)).toEqual(onlyLead(fixture('manufacturer-portal.xml')));
  });

  it('reads a base64 XML attachment in a mixed mail', () => {
    const adf = fixture('resend.xml');
    const mail = [
      'From: leads@portal.example',
      'Subject: Lead',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary=XYZ',
      '',
      '--XYZ',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Anbei die Anfrage.',
      '--XYZ',
      'Content-Type: application/xml; name="lead.xml"',
      'Content-Disposition: attachment; filename="lead.xml"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(adf, 'utf8').toString('base64'),
      '--XYZ--',
      '',
    ].join('\n');
    expect(onlyLead(extractAdfFromEmail(mail)!).status).toBe('resend');
  });

  it('decodes an ISO-8859-1 quoted-printable part', () => {
    const mail = [
      'From: a@b.de',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<adf><prospect><customer><contact><name part=3D"last">M=FCller</name><email>m@b.de</email></contact></customer></prospect></adf>',
    ].join('\r\n');
    expect(onlyLead(extractAdfFromEmail(mail)!).customer.lastName).toBe('Müller');
  });

  it('keeps text before and after the document out', () => {
    expect(extractAdfFromEmail('Hallo,\n<adf><prospect/></adf>\nGruß\n-- \nSignatur')).toBe('<adf><prospect/></adf>');
  });

  it('returns null when a mail holds no ADF', () => {
    expect(extractAdfFromEmail('From: a@b.de\nSubject: Hallo\n\nBitte rufen Sie mich an: 0171 1234567')).toBeNull();
    expect(extractAdfFromEmail('<html><body><p>Nur Text</p></body></html>')).toBeNull();
  });
});
