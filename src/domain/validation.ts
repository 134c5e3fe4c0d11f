/**
 * Validation of synced documents against their schema (ajv), shared by the server and the tests.
 * The PWA does not ship ajv: its content-security policy forbids `eval`, which ajv compiles with;
 * the forms validate through the domain rules instead.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { COLLECTIONS, type CollectionName } from './collections';
import { attendanceId } from './schemas/attendance';
import { calendarId } from './schemas/mobility';

export interface ValidationIssue {
  /** JSON pointer of the offending value, e.g. `/birthDate`. */
  path: string;
  message: string;
}

export type ValidationResult = { valid: true } | { valid: false; issues: ValidationIssue[] };

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
// RxDB keywords of the schema literals: meaningful to RxDB only.
for (const keyword of ['primaryKey', 'version', 'indexes', 'encrypted', 'keyCompression']) {
  ajv.addKeyword(keyword);
}

const validators = new Map<CollectionName, ValidateFunction>();

function validatorFor(collection: CollectionName): ValidateFunction {
  let validate = validators.get(collection);
  if (!validate) {
    validate = ajv.compile(COLLECTIONS[collection].schema);
    validators.set(collection, validate);
  }
  return validate;
}

function describe(error: ErrorObject): ValidationIssue {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    return {
      path: `${error.instancePath}/${String(params.additionalProperty)}`,
      message: 'unknown field',
    };
  }
  if (error.keyword === 'required') {
    return {
      path: `${error.instancePath}/${String(params.missingProperty)}`,
      message: 'required field is missing',
    };
  }
  if (error.keyword === 'enum') {
    return {
      path: error.instancePath,
      message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}`,
    };
  }
  return { path: error.instancePath || '/', message: error.message ?? error.keyword };
}

/**
 * Text that storage would refuse or silently change, sent by a broken file or on purpose:
 * U+0000, which PostgreSQL refuses in text and JSON, and a lone UTF-16 surrogate, which JSON
 * can carry but UTF-8 storage turns into U+FFFD (another id than the one the push was answered
 * for). Refused here as bad input rather than failing a whole batch or storing something else.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorableStringIssue(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone surrogate (broken Unicode)';
  return undefined;
}

export function unstorableTextIssues(value: unknown, path = ''): ValidationIssue[] {
  if (typeof value === 'string') {
    const message = unstorableStringIssue(value);
    return message ? [{ path: path || '/', message }] : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) => unstorableTextIssues(item, `${path}/${i}`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => [
      ...(unstorableStringIssue(key) ? [{ path: `${path}/${key}`, message: 'broken key' }] : []),
      ...unstorableTextIssues(item, `${path}/${key}`),
    ]);
  return [];
}

/**
 * The ids that carry meaning: an attendance is `workshopId:youthId` (two offline sign-ups of one
 * person are one record). Another id would slip past that rule. (A loan's v0 id was its slot
 * `vehicleId:startDate`; since mobility v1 overlapping periods conflict whatever the ids, so a
 * loan's id is free: rules/mobility.ts.)
 */
function deterministicIdIssues(collection: CollectionName, document: object): ValidationIssue[] {
  const doc = document as Record<string, unknown>;
  const expected =
    collection === 'attendances'
      ? attendanceId(String(doc.workshopId), String(doc.youthId))
      : collection === 'mobility' && doc.kind === 'calendar' && typeof doc.vehicleId === 'string'
        ? calendarId(doc.vehicleId)
        : undefined;
  return expected === undefined || doc.id === expected
    ? []
    : [{ path: '/id', message: `must be ${expected}` }];
}

/** Checks a document (without RxDB's `_deleted` flag) against its collection's schema. */
export function validateDocument(collection: CollectionName, document: unknown): ValidationResult {
  const validate = validatorFor(collection);
  if (!validate(document)) return { valid: false, issues: (validate.errors ?? []).map(describe) };
  const issues = [
    ...unstorableTextIssues(document),
    ...deterministicIdIssues(collection, document as object),
  ];
  return issues.length === 0 ? { valid: true } : { valid: false, issues };
}
