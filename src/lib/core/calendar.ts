/** The calendar Thai readers use: Buddhist-era years (พ.ศ.) are Common Era years (ค.ศ.) + 543. */
export const BE_OFFSET = 543;

/** A Common Era year as a Buddhist-era year. */
export const toBuddhistEra = (year: number): number => year + BE_OFFSET;

/** A Buddhist-era year as a Common Era year. */
export const fromBuddhistEra = (year: number): number => year - BE_OFFSET;
