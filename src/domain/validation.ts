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
 * Strings holding U+0000 (pasted from a broken file, or sent on purpose): PostgreSQL refuses them
 * in text and JSON, so they are refused here as bad input rather than failing a whole batch.
 */
export function nulCharacterIssues(value: unknown, path = ''): ValidationIssue[] {
  if (typeof value === 'string')
    return value.includes('\u0000')
      ? [{ path: path || '/', message: 'must not contain the NUL character' }]
      : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => nulCharacterIssues(item, `${path}/${i}`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) =>
      nulCharacterIssues(item, `${path}/${key}`),
    );
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
    ...nulCharacterIssues(document),
    ...deterministicIdIssues(collection, document as object),
  ];
  return issues.length === 0 ? { valid: true } : { valid: false, issues };
}
