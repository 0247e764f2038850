import { z } from 'zod';
import { IsoDate } from '../common';
import { MILEAGE_SOURCES } from './enums';

/** The highest odometer reading accepted. */
export const MAX_MILEAGE_KM = 2_000_000;

export const MileageReadingInput = z.object({
  readOn: IsoDate,
  km: z.number().int().min(0).max(MAX_MILEAGE_KM),
  source: z.enum(MILEAGE_SOURCES).default('manual'),
  /** A reading below an earlier one is refused unless confirmed (the odometer was replaced). */
  confirmLower: z.boolean().default(false),
});

export const MileageReading = z.object({
  id: z.uuid(),
  readOn: z.string(),
  km: z.number().int(),
  source: z.enum(MILEAGE_SOURCES),
  createdAt: z.string(),
});

/** The vehicle's readings (newest first) and what they say about the kilometres ahead. */
export const VehicleMileage = z.object({
  readings: z.array(MileageReading),
  /** Estimated kilometres a year; null without an estimate (no reading, or too short a time). */
  kmPerYear: z.number().int().nullable(),
  /** How the estimate was made: two readings 30+ days apart, or one reading since first registration. */
  basis: z.enum(['readings', 'first_registration']).nullable(),
  /** The estimated mileage today. */
  estimatedKmToday: z.number().int().nullable(),
  /** By the lifecycle rule "service due by mileage" (when one is on): the next multiple and its estimated day. */
  nextService: z.object({ km: z.number().int(), expectedOn: z.string() }).nullable(),
});
export type VehicleMileage = z.infer<typeof VehicleMileage>;
