/**
 * How people write values in their own exports, as constants shared by the JavaScript readers
 * (upload/thai.ts) and their SQL twins (data/upload-queries.ts), so both read a cell the same way.
 */

/** Thai digits ๐–๙, in order (index = digit). */
export const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** Text that means "no value": empty, dashes, n/a, ไม่มีข้อมูล (compared trimmed, lower case, spaces folded). */
export const MISSING_TEXT: readonly string[] = ['', '-', '–', '—', 'n/a', 'na', 'null', 'none', '#n/a', 'ไม่มีข้อมูล', 'ไม่ระบุ'];
