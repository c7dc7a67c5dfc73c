/**
 * An ICD-10-CM code without its dot: a letter, then a category whose 2nd/3rd characters hold
 * at least one digit (A00, C4A, QA0 - FY2026 added the first letter-letter-digit category),
 * then up to 4 more characters.
 */
const CATEGORY = '[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])';
export const ICD10CM_CODE = new RegExp(`^${CATEGORY}[0-9A-Z]{0,4}$`);
/** The same, as written in documents: with an optional dot after the category. */
export const ICD10CM_CODE_IN_TEXT = new RegExp(`\\b${CATEGORY}(?:\\.[0-9A-Z]{1,4})?\\b`, 'g');
