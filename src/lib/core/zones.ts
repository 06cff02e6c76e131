/** The health zones (เขตสุขภาพ) of the NHSO area offices: 1–13, 13 being Bangkok. */
export const ZONE_COUNT = 13;

/** Every health zone, 1 to 13. */
export const HEALTH_ZONES: readonly number[] = Array.from({ length: ZONE_COUNT }, (_, i) => i + 1);

/** True for a health zone's number. */
export const isHealthZone = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= ZONE_COUNT;
