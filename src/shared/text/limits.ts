/**
 * The longest value each kind of text field may hold, the same whichever way it arrives: staff
 * forms, the JSON intake API, ADF (raw or by e-mail), phone-system webhooks and imports. Staff
 * and the API are told with a 400 naming the field; machine intake, which must never lose a
 * lead, cuts the value to this length and says so in its answer and on the request.
 */
export const TEXT_MAX = {
  personName: 80,
  companyName: 160,
  academicTitle: 40,
  position: 80,
  phone: 40,
  /** RFC 5321's longest path. */
  email: 254,
  street: 200,
  postalCode: 10,
  city: 120,
  /** An ISO code or a country's name as a form writes it. */
  country: 60,
  subject: 200,
  /** The customer's own words. */
  message: 20_000,
  /** Notes staff write: call notes, attempts. */
  note: 10_000,
  source: 120,
  campaign: 120,
  brand: 60,
  /** The sender's id of a lead. */
  externalId: 120,
  vin: 30,
  plate: 20,
  make: 60,
  model: 80,
  fileName: 200,
} as const;
