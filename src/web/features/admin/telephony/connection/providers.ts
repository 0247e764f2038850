import type { TelephonyProvider } from '@shared/telephony/enums';
import type { ComponentType } from 'react';
import { CstaFields, cstaSettings } from './csta';
import { PlacetelFields, placetelSettings } from './placetel';
import { SipgateFields, sipgateSettings } from './sipgate';
import type { ConnectionSettingsValues, ProviderFieldsProps } from './values';

/**
 * Each provider's part of the connection form: the fields it shows and the settings it sends. `kept` are
 * the stored settings of the same provider, sent back so that tuning keys the form does not show (set
 * through the API) survive a save. A plain webhook has neither fields nor settings (its secret is all it
 * needs).
 */
export const PROVIDER_FORMS: Record<
  TelephonyProvider,
  {
    Fields: ComponentType<ProviderFieldsProps> | null;
    settings(values: ConnectionSettingsValues, kept: Record<string, unknown>): Record<string, unknown>;
  }
> = {
  csta: { Fields: CstaFields, settings: cstaSettings },
  sipgate: { Fields: SipgateFields, settings: sipgateSettings },
  placetel: { Fields: PlacetelFields, settings: placetelSettings },
  webhook: { Fields: null, settings: () => ({}) },
};
