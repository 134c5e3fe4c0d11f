/**
 * Validation of synced documents against their schema (ajv), shared by the server and the tests.
 * The PWA does not ship ajv: its content-security policy forbids `eval`, which ajv compiles with;
 * the forms validate through the domain rules instead.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { COLLECTIONS, type CollectionName } from './collections';

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

/** Checks a document (without RxDB's `_deleted` flag) against its collection's schema. */
export function validateDocument(collection: CollectionName, document: unknown): ValidationResult {
  const validate = validatorFor(collection);
  if (validate(document)) return { valid: true };
  return { valid: false, issues: (validate.errors ?? []).map(describe) };
}
