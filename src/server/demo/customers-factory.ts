import type { Faker } from '@faker-js/faker';
import type { ConsentSource } from '@shared/contacts/enums';
import { ContactInput } from '@shared/contacts/schemas';
import { displayNameOf, prepareAddresses, prepareEmails, preparePhones, searchNameOf } from '../modules/contacts/input';
import type { NewConsentRow, NewContactBlockRow } from '@server/modules/contacts';
import type { NewContact, NewVehicle } from '../modules/imports/bulk-write';
import type { PreparedContact } from '../modules/imports/prepare-contact';
import type { TimelineWrite } from '../modules/timeline/service';
import {
  BLOCK_REASONS,
  COMPANY_SUFFIXES,
  COMPANY_TRADES,
  EMAIL_PROVIDERS,
  MOBILE_PREFIXES,
  NOTE_TEMPLATES,
  POSITIONS,
  type Region,
  TAGS,
} from './customers-data';
import { demoVehicle } from './customers-vehicles';

/** The customer the browser tests and the README use: found by phone, by name and by plate. */
export const WELL_KNOWN_CUSTOMER = {
  firstName: 'Hans',
  lastName: 'Müller',
  mobile: '0171 1234567',
  e164: '+491711234567',
  plate: 'M-HM 1234',
  locationCode: 'MUC',
} as const;

const DAY = 86_400_000;

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');

export interface Staff {
  sales: string[];
  service: string[];
}

interface Generated {
  contacts: NewContact[];
  vehicles: NewVehicle[];
  timeline: TimelineWrite[];
  consents: NewConsentRow[];
  blocks: NewContactBlockRow[];
}

/** Makes demo customers one by one and collects the rows to write in bulk. */
export class CustomerFactory {
  readonly out: Generated = { contacts: [], vehicles: [], timeline: [], consents: [], blocks: [] };
  private readonly phones = new Set<string>([WELL_KNOWN_CUSTOMER.mobile]);
  private readonly emails = new Set<string>();
  readonly plates = new Set<string>([WELL_KNOWN_CUSTOMER.plate]);
  private serial = 100_000;

  constructor(
    private readonly f: Faker,
    private readonly now: Date,
    private readonly today: string,
  ) {}

  private unique(set: Set<string>, make: () => string): string {
    for (;;) {
      const value = make();
      if (!set.has(value)) {
        set.add(value);
        return value;
      }
    }
  }

  private mobile() {
    const f = this.f;
    return this.unique(this.phones, () => {
      const prefix = f.helpers.arrayElement(MOBILE_PREFIXES);
      return `${prefix} ${f.string.numeric({ length: prefix.startsWith('015') ? 8 : 7, allowLeadingZeros: false })}`;
    });
  }

  private landline(region: Region) {
    return this.unique(
      this.phones,
      () =>
        `${region.areaCode} ${this.f.string.numeric({ length: region.areaCode.length === 3 ? 7 : 6, allowLeadingZeros: false })}`,
    );
  }

  private email(local: string, domain?: string) {
    let attempt = 0;
    // After a few clashes a number makes the address unique, as people do.
    return this.unique(
      this.emails,
      () =>
        `${local}${attempt++ > 2 ? this.f.number.int({ min: 2, max: 999 }) : ''}@${domain ?? this.f.helpers.arrayElement(EMAIL_PROVIDERS)}`,
    );
  }

  private address(region: Region) {
    const town = this.f.helpers.weightedArrayElement(
      region.towns.map((t, i) => ({ weight: i === 0 ? 6 : 1, value: t })),
    );
    return {
      street: `${this.f.location.street()} ${this.f.location.buildingNumber()}`,
      postalCode: this.f.helpers.arrayElement(town.postalCodes),
      city: town.city,
    };
  }

  /** A moment in the past during business hours (07:00–16:59 UTC, i.e. 08:00–18:00 in Germany). */
  private past(maxDays: number, minDays = 0) {
    const at = new Date(this.now.getTime() - this.f.number.int({ min: minDays, max: maxDays }) * DAY);
    at.setUTCHours(7 + this.f.number.int(9), this.f.number.int(59), 0, 0);
    return at > this.now ? new Date(at.getTime() - DAY) : at;
  }

  /** Adds one contact (with consents, block, notes and vehicles); returns its id. */
  add(
    input: ReturnType<typeof ContactInput.parse>,
    region: Region,
    options: {
      companyId?: string;
      companyName?: string;
      id?: string;
      vehicles?: number;
      vehicle?: Partial<Parameters<typeof demoVehicle>[1]>;
    } = {},
  ): string {
    const f = this.f;
    const id = options.id ?? f.string.uuid();
    const displayName = displayNameOf(input);
    const contact: PreparedContact = {
      input,
      externalRef: null,
      phones: preparePhones(input.phones, { allowInvalid: true }).values,
      emails: prepareEmails(input.emails),
      addresses: prepareAddresses(input.addresses),
      displayName,
      searchName: searchNameOf(displayName, options.companyName),
    };
    const createdAt = this.past(3_600, 30);
    this.out.contacts.push({ id, contact, companyId: options.companyId ?? null, createdAt });

    const vehicleCount =
      options.vehicles ??
      f.helpers.weightedArrayElement([
        { weight: 10, value: 0 },
        { weight: 63, value: 1 },
        { weight: 22, value: 2 },
        { weight: 5, value: 3 },
      ]);
    for (let i = 0; i < vehicleCount; i++) {
      const values = demoVehicle(f, {
        district: region.district,
        locationId: input.homeLocationId,
        today: this.today,
        serial: this.serial++,
        plates: this.plates,
        ...(i === 0 ? options.vehicle : {}),
      });
      this.out.vehicles.push({ id: f.string.uuid(), values, externalRef: null, contactId: id, createdAt });
    }

    if (input.emails.length > 0 && f.datatype.boolean(0.55)) this.consent(id, 'email', 'marketing', createdAt);
    if (f.datatype.boolean(0.45))
      this.consent(id, f.helpers.arrayElement(['phone', 'letter'] as const), 'service_reminders', createdAt);
    if (f.datatype.boolean(0.01)) {
      this.out.blocks.push({
        contactId: id,
        reason: f.helpers.arrayElement(BLOCK_REASONS),
        blockedBy: input.salesConsultantId ?? null,
        blockedAt: this.past(300),
      });
    }
    for (let n = f.number.int({ min: 1, max: 4 }); n > 0; n--) {
      const note = f.helpers.arrayElement(NOTE_TEMPLATES);
      const author = note.kind === 'visit' || f.datatype.boolean() ? input.salesConsultantId : input.serviceAdvisorId;
      this.out.timeline.push({
        contactId: id,
        kind: note.kind,
        occurredAt: this.past(700),
        authorId: author ?? null,
        summary: note.summary,
        body: note.body ?? null,
      });
    }
    return id;
  }

  /** Granted on a form when the contact was created; about one in six withdrew it later. */
  private consent(
    contactId: string,
    channel: 'email' | 'phone' | 'letter',
    purpose: 'marketing' | 'service_reminders',
    createdAt: Date,
  ) {
    const f = this.f;
    const source: ConsentSource = f.helpers.arrayElement([
      'signed_form',
      'signed_form',
      'web_form',
      'double_opt_in',
      'verbal',
    ]);
    this.out.consents.push({
      contactId,
      channel,
      purpose,
      status: 'granted',
      source,
      effectiveAt: createdAt,
      note: source === 'signed_form' ? 'Einwilligungserklärung unterschrieben (Kaufvertrag)' : null,
    });
    if (f.datatype.boolean(0.17)) {
      const withdrawnAt = new Date(createdAt.getTime() + f.number.int({ min: 30, max: 600 }) * DAY);
      if (withdrawnAt < this.now) {
        this.out.consents.push({
          contactId,
          channel,
          purpose,
          status: 'withdrawn',
          source: f.helpers.arrayElement(['email', 'letter', 'verbal']),
          effectiveAt: withdrawnAt,
          note: 'Widerruf durch den Kunden',
        });
      }
    }
  }

  person(
    region: Region,
    locationId: string,
    staff: Staff,
    extra: { companyId?: string; companyName?: string; position?: string } = {},
  ) {
    const f = this.f;
    const sex = f.person.sexType();
    const firstName = f.person.firstName(sex);
    const lastName = f.person.lastName();
    const phones = [];
    if (f.datatype.boolean(0.85)) phones.push({ kind: 'mobile' as const, number: this.mobile() });
    if (phones.length === 0 || f.datatype.boolean(0.35))
      phones.push({ kind: extra.companyId ? ('work' as const) : ('landline' as const), number: this.landline(region) });
    const emails = f.datatype.boolean(0.7)
      ? [
          {
            kind: extra.companyId ? ('work' as const) : ('private' as const),
            address: this.email(`${ascii(firstName)}.${ascii(lastName)}`),
          },
        ]
      : [];
    const input = ContactInput.parse({
      kind: 'person',
      salutation: sex === 'male' ? 'mr' : 'ms',
      title: f.datatype.boolean(0.04) ? 'Dr.' : null,
      firstName,
      lastName,
      companyName: extra.companyName ?? null,
      position: extra.position ?? null,
      dateOfBirth: f.datatype.boolean(0.6)
        ? f.date.birthdate({ mode: 'age', min: 19, max: 85, refDate: this.now }).toISOString().slice(0, 10)
        : null,
      homeLocationId: locationId,
      salesConsultantId: f.helpers.arrayElement(staff.sales),
      serviceAdvisorId: f.helpers.arrayElement(staff.service),
      preferredChannel:
        f.helpers.maybe(() => f.helpers.arrayElement(['phone', 'email'] as const), { probability: 0.4 }) ?? null,
      tags: f.helpers.arrayElements(
        TAGS,
        f.helpers.weightedArrayElement([
          { weight: 6, value: 0 },
          { weight: 3, value: 1 },
          { weight: 1, value: 2 },
        ]),
      ),
      phones,
      emails,
      addresses: extra.companyId ? [] : [this.address(region)],
    });
    return this.add(input, region, {
      companyId: extra.companyId,
      companyName: extra.companyName,
      vehicles: extra.companyId ? 0 : undefined,
    });
  }

  /** A company with its fleet, plus one or two contact persons. Returns how many contacts it added. */
  company(region: Region, locationId: string, staff: Staff): number {
    const f = this.f;
    const name = `${f.person.lastName()} ${f.helpers.arrayElement(COMPANY_TRADES)} ${f.helpers.arrayElement(COMPANY_SUFFIXES)}`;
    const domain = `${ascii(name.split(' ')[0]!)}-${ascii(name.split(' ')[1]!)}.de`;
    const input = ContactInput.parse({
      kind: 'company',
      companyName: name,
      homeLocationId: locationId,
      salesConsultantId: f.helpers.arrayElement(staff.sales),
      serviceAdvisorId: f.helpers.arrayElement(staff.service),
      tags: f.datatype.boolean(0.5) ? ['Flotte'] : [],
      paymentRemarks: f.datatype.boolean(0.2) ? 'Zahlung per Rechnung, 14 Tage netto' : null,
      phones: [{ kind: 'work', number: this.landline(region) }],
      emails: [{ kind: 'work', address: this.email('info', domain) }],
      addresses: [{ ...this.address(region), kind: 'work' }],
    });
    const companyId = this.add(input, region, { vehicles: f.number.int({ min: 1, max: 3 }) });
    const persons = f.number.int({ min: 1, max: 2 });
    for (let i = 0; i < persons; i++)
      this.person(region, locationId, staff, {
        companyId,
        companyName: name,
        position: f.helpers.arrayElement(POSITIONS),
      });
    return 1 + persons;
  }
}
