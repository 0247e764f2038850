import type { UseFormReturnType } from '@mantine/form';
import type { TelephonyProvider } from '@shared/telephony/enums';
import type { Connection } from '@shared/telephony/schemas';

/** One form for every provider: each provider's fields read and write their part of `settings`. */
export interface ConnectionValues {
  provider: TelephonyProvider;
  name: string;
  enabled: boolean;
  locationId: string | null;
  secret: string;
  removeSecret: boolean;
  settings: {
    host: string;
    port: number | string;
    applicationSession: boolean;
    applicationId: string;
    userId: string;
    devices: string;
    country: string;
    dialFormat: string;
    dialPrefix: string;
    protocolVersions: string[];
    tokenId: string;
    callerId: string;
    publicKey: string;
    allowedIps: string;
    apiToken: string;
    removeApiToken: boolean;
    baseUrl: string;
  };
}

export type ConnectionSettingsValues = ConnectionValues['settings'];
export type ConnectionFormApi = UseFormReturnType<ConnectionValues>;

/** What a provider's part of the form shows: the form, and the connection being edited (null when new). */
export interface ProviderFieldsProps {
  form: ConnectionFormApi;
  connection: Connection | null;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const lines = (value: unknown) => (Array.isArray(value) ? value.join('\n') : '');

/** A list typed one entry a line (or comma-separated) in a text field. */
export const list = (value: string) =>
  value
    .split(/[\n,]+/)
    .map((d) => d.trim())
    .filter(Boolean);

export const optional = (value: string) => value.trim() || undefined;

export function initialValues(connection: Connection | null): ConnectionValues {
  const s = connection?.settings ?? {};
  return {
    provider: connection?.provider ?? 'csta',
    name: connection?.name ?? '',
    enabled: connection?.enabled ?? true,
    locationId: connection?.locationId ?? null,
    secret: '',
    removeSecret: false,
    settings: {
      host: text(s.host),
      port: typeof s.port === 'number' ? s.port : '',
      applicationSession: s.applicationSession === true,
      applicationId: text(s.applicationId),
      userId: text(s.userId),
      devices: lines(s.devices),
      country: text(s.country),
      dialFormat: text(s.dialFormat) || 'e164',
      dialPrefix: text(s.dialPrefix),
      protocolVersions: Array.isArray(s.protocolVersions) ? s.protocolVersions.map(String) : ['ed3'],
      tokenId: text(s.tokenId),
      callerId: text(s.callerId),
      publicKey: text(s.publicKey),
      allowedIps: lines(s.allowedIps),
      apiToken: '',
      removeApiToken: false,
      baseUrl: text(s.baseUrl),
    },
  };
}
