import type { FromSchema } from 'json-schema-to-ts';
import {
  baseProperties,
  baseRequired,
  dateTimeField,
  longText,
  refField,
  shortText,
} from './common';

/**
 * What the siège must look at: a true merge conflict (both values kept here) or a probable
 * duplicate pair. Written by the server; resolved by direction / admin.
 */
export const reviewSchema = {
  title: 'reviews',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    kind: { type: 'string', enum: ['conflict', 'duplicate'] },
    status: { type: 'string', enum: ['open', 'resolved', 'dismissed'] },
    /** The collection of the document in conflict (`collection` is reserved by RxDB). */
    targetCollection: shortText,
    documentId: refField,
    siteId: refField,
    field: shortText,
    /** Each side of the conflict: the value, who typed it, when, from which device. */
    values: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          value: {},
          by: refField,
          at: dateTimeField,
          deviceId: shortText,
          rev: shortText,
        },
        required: ['by'],
      },
    },
    /** Duplicate: the two dossiers and the matcher's score (0–1). */
    youthIds: { type: 'array', items: refField, maxItems: 2 },
    score: { type: 'number', minimum: 0, maximum: 1 },
    openedAt: dateTimeField,
    resolvedBy: refField,
    resolvedAt: dateTimeField,
    resolution: {},
    comment: longText,
  },
  required: [...baseRequired, 'kind', 'status'],
} as const;

export type Review = FromSchema<typeof reviewSchema>;
