/*
 * The collection schemas of src/data/schemas, made usable by Ajv on the server.
 * They are RxDB schemas: plain JSON Schema plus RxDB's own keywords (version, primaryKey, indexes,
 * encrypted, keyCompression, ...; `final` and `ref` inside properties), which Ajv's strict mode rejects.
 * Removing those keywords keeps one schema file per collection as the single source of validation on
 * the device (RxDB) and on the server (the seed's self-check now, pushed documents in the sync routes).
 * The same files generate the document types (src/data/schemas/types.ts), so each compiled validator is a
 * type guard: a value that passes the schema of collection C is a CollectionDocuments[C] from then on.
 *
 * One deliberate difference: the server closes the money document. sales.json lets unnamed fields through
 * on a sale, its lines, tenders and totals, and a device's RxDB refuses a changed schema under the same
 * version number, so the device's file stays as it is; but what a stored sale may carry is decided here: the
 * fields sales.json names plus the few the counter writes unnamed (COUNTER_SALE_FIELDS, from
 * sale-document.ts, sale-reversal.ts and tender-kinds.ts), and nothing else. A `pan` or `expiry` on a sale
 * is refused with a 400 naming it, so it is never stored, pulled or exported.
 */
import { Ajv } from 'ajv';
import type { ErrorObject, SchemaObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { collectionNames, collectionSchemas } from '../../src/data/schemas/index.ts';
import type { CollectionName } from '../../src/data/schemas/index.ts';
import type { CollectionDocuments } from '../../src/data/schemas/types.ts';

const RXDB_TOP_LEVEL_KEYWORDS = [
  'version',
  'primaryKey',
  'indexes',
  'internalIndexes',
  'encrypted',
  'keyCompression',
  'attachments',
  'crdt',
  'sharding',
];
const RXDB_PROPERTY_KEYWORDS = ['final', 'ref'];

export interface AjvSchemaOptions {
  /**
   * Accept RxDB's replication flag `_deleted` (boolean) beside the document's own fields, as documents
   * arrive in a push.
   */
  allowDeletedFlag?: boolean;
}

const AMOUNT = { type: 'integer', minimum: -1000000000000000, maximum: 1000000000000000 } as const;

/**
 * The fields the counter writes on a sale that sales.json lets through without naming them: a line's unit,
 * its list price before an override and who approved the override or discount (sale-document.ts); the
 * points a points tender redeemed (tender-kinds.ts); the cash rounding of the totals (sale-document.ts,
 * negated by sale-reversal.ts); the gift card a line sells, the loyalty tier a sale earned at, and on a
 * returned line its original line, reason and condition (issue 16).
 */
export const COUNTER_SALE_FIELDS = {
  /** The tier a sale earned points at (loyalty.ts; the server applies it only as far as the customer reached it). */
  sale: {
    loyaltyTier: { type: 'string', maxLength: 32 },
    // On a return: the permission its approver proved (return.without_receipt or refund.above_limit).
    approvalFor: { type: 'string', maxLength: 64 },
  },
  line: {
    unit: { type: 'string', enum: ['pcs', 'kg'] },
    listPrice: { type: 'integer', minimum: 0, maximum: 1000000000000 },
    approvedBy: { type: 'string', maxLength: 64 },
    // A line selling or reloading a gift card: the card's number (gift-card-number.ts).
    giftCardId: { type: 'string', maxLength: 64 },
    // A returned line (sale-return.ts): which line of the original it returns, why, and in what state.
    originalLine: { type: 'integer', minimum: 0, maximum: 999 },
    returnReason: { type: 'string', maxLength: 64 },
    condition: { type: 'string', enum: ['resellable', 'damaged'] },
  },
  tender: { points: AMOUNT },
  totals: { cashRounding: AMOUNT },
} as const;

/** The sale schema as the server checks a pushed sale: the counter's unnamed fields named, every object closed. */
function closedSaleSchema(schema: SchemaObject): SchemaObject {
  const properties = schema['properties'] as Record<string, SchemaObject>;
  const close = (object: SchemaObject, extra: Record<string, unknown>): void => {
    object['properties'] = { ...(object['properties'] as object), ...extra };
    object['additionalProperties'] = false;
  };
  close(schema, COUNTER_SALE_FIELDS.sale);
  close(properties['lines']!['items'] as SchemaObject, COUNTER_SALE_FIELDS.line);
  close(properties['tenders']!['items'] as SchemaObject, COUNTER_SALE_FIELDS.tender);
  close(properties['totals']!, COUNTER_SALE_FIELDS.totals);
  return schema;
}

/** A plain JSON Schema (draft-07) for Ajv from an RxDB collection schema. Does not modify its input. */
export function toAjvSchema(rxSchema: object, options: AjvSchemaOptions = {}): SchemaObject {
  const schema = withoutRxdbKeywords(structuredClone(rxSchema) as SchemaObject, RXDB_TOP_LEVEL_KEYWORDS);
  if (options.allowDeletedFlag) {
    schema.properties = { ...(schema.properties as object), _deleted: { type: 'boolean' } };
  }
  return schema;
}

/** Removes the given keywords here and RxDB's property keywords in every nested schema position. */
function withoutRxdbKeywords(schema: SchemaObject, keywords: readonly string[]): SchemaObject {
  for (const keyword of keywords) delete schema[keyword];
  for (const keyword of RXDB_PROPERTY_KEYWORDS) delete schema[keyword];
  const nested = (value: unknown): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      withoutRxdbKeywords(value as SchemaObject, []);
    }
  };
  for (const key of ['properties', 'patternProperties', 'definitions', '$defs']) {
    const map = schema[key] as Record<string, unknown> | undefined;
    if (map) Object.values(map).forEach(nested);
  }
  for (const key of ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains']) {
    const value = schema[key] as unknown;
    if (Array.isArray(value)) value.forEach(nested);
    else nested(value);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key] as unknown[] | undefined;
    if (Array.isArray(list)) list.forEach(nested);
  }
  return schema;
}

/**
 * A document of collection C as RxDB replicates it: the document, and beside it the flag `_deleted` (which
 * the schema accepts only when compiled with allowDeletedFlag).
 */
export type DocumentState<C extends CollectionName> = CollectionDocuments[C] & { _deleted?: boolean };

/** The compiled schema of collection C, as a type guard: what passes it is that collection's document. */
export type DocumentValidator<C extends CollectionName> = ValidateFunction<DocumentState<C>>;

export type DocumentValidators = { readonly [C in CollectionName]: DocumentValidator<C> };

/**
 * One compiled validator per collection (compile once at start-up: compiling is the slow part); the sales
 * validator is the closed copy (see the top of this file).
 */
export function createDocumentValidators(options: AjvSchemaOptions = {}): DocumentValidators {
  const ajv = new Ajv({ strict: true, allErrors: false });
  addFormats(ajv);
  const validators = {} as { [C in CollectionName]: DocumentValidator<C> };
  const compile = <C extends CollectionName>(into: { [K in C]: DocumentValidator<K> }, name: C): void => {
    // The type argument is the generated type of the very schema compiled here.
    const schema = toAjvSchema(collectionSchemas[name], options);
    into[name] = ajv.compile<DocumentState<C>>(name === 'sales' ? closedSaleSchema(schema) : schema);
  };
  for (const name of collectionNames) compile(validators, name);
  return validators;
}

/** The part of an Ajv error (also what Fastify hands its schemaErrorFormatter) a message needs. */
export type ValidationProblem = Pick<ErrorObject, 'keyword' | 'instancePath' | 'message'> & { params: Record<string, unknown> };

/**
 * "lines/0/qty must be integer" — what a 400 answer or a test failure should say. With a root such as
 * "body" the field reads "body/lines/0/qty".
 */
export function describeValidationErrors(errors: readonly ValidationProblem[] | null | undefined, root?: string): string {
  if (!errors || errors.length === 0) return `${root ?? 'document'} is invalid`;
  return errors
    .map((e) => {
      const field = root !== undefined ? root + e.instancePath : e.instancePath.replace(/^\//, '') || 'document';
      if (e.keyword === 'additionalProperties') {
        return `${field} has unknown field "${String(e.params['additionalProperty'])}"`;
      }
      return `${field} ${e.message ?? 'is invalid'}`;
    })
    .join('; ');
}
