import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'

/**
 * `where` and `order` over dotted paths in custom fields, answered as MongoDB's
 * own tests (the `jstests/` of the mongodb/mongo repository) say MongoDB answers.
 * Each collection below is one jstest's data: every document becomes a user
 * named `d<_id>` whose custom fields are the document's fields (documents
 * holding `undefined`, which JSON cannot carry, are left out). Each row names
 * its jstest and lists the `_id`s MongoDB returns: in `_id` order for a `where`
 * (mock-cloud answers in creation order, here `_id` order) or nearest first for a
 * `$nearSphere` (MongoDB's manual, "$nearSphere"), in the jstest's order for an `order`, whose `_id` tie-break is written as the custom field `n`.
 * Run through `app.request`, as a client's request would be.
 */

type Doc = Record<string, unknown>

interface Row {
  /** The jstest the expected answer comes from. */
  source: string
  where?: Doc
  order?: string
  ids: number[]
}

interface Collection {
  name: string
  docs: Record<number, Doc>
  rows: Row[]
}

const NUMERIC = 'jstests/core/query/match_numeric_components.js'
const NULLS = 'jstests/core/query/null_query_semantics.js'
const SORT = 'jstests/core/query/sort/sort_dotted_paths.js'
const SORT_NUMERIC = 'jstests/core/query/sort/sort_dotted_paths_numeric.js'
const SORT_ARRAY = 'jstests/core/query/sort/sort_array.js'
const MATCH2 = 'jstests/core/query/array/array_match2.js'
const FIND5 = 'jstests/core/query/array/arrayfind5.js'
const EXISTS = 'jstests/core/query/exists/exists.js'
const ELEM_VALUE = 'jstests/core/query/elemmatch/elemmatch_value.js'
const SIZE = 'jstests/core/query/find/find_size.js'
const GEO_OR = 'jstests/core/geo/geo_or.js'
// MongoDB's manual: $nearSphere returns documents nearest to farthest; a sort replaces that order.
const NEAR_SPHERE = 'manual: $nearSphere'

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i)
const except = (all: number[], left: number[]): number[] => all.filter((id) => !left.includes(id))

// ------------------------------------------------------------ match_numeric_components.js

const numericDocs: Record<number, Doc> = {
  0: { a: 42 },
  1: { a: [42] },
  2: { a: { 0: 42 } },
  3: { a: [[42]] },
  4: { a: [{ 0: 42 }] },
  5: { a: { 0: [42] } },
  6: { a: { 0: { 0: 42 } } },
  7: { a: [[[42]]] },
  8: { a: [[{ 0: 42 }]] },
  9: { a: [{ 0: [42] }] },
  10: { a: [{ 0: { 0: 42 } }] },
  11: { a: { 0: [[42]] } },
  12: { a: { 0: [{ 0: 42 }] } },
  13: { a: { 0: { 0: [42] } } },
  14: { a: { 0: { 0: { 0: 42 } } } },
  15: { a: [[[[42]]]] },
  16: { a: [[[{ 0: 42 }]]] },
  17: { a: [[{ 0: [42] }]] },
  18: { a: [[{ 0: { 0: 42 } }]] },
  19: { a: [{ 0: [[42]] }] },
  20: { a: [{ 0: [{ 0: 42 }] }] },
  21: { a: [{ 0: { 0: [42] } }] },
  22: { a: [{ 0: { 0: { 0: 42 } } }] },
  23: { a: { 0: [[[42]]] } },
  24: { a: { 0: [[{ 0: 42 }]] } },
  25: { a: { 0: [{ 0: [42] }] } },
  26: { a: { 0: [{ 0: { 0: 42 } }] } },
  27: { a: { 0: { 0: [[42]] } } },
  28: { a: { 0: { 0: [{ 0: 42 }] } } },
  29: { a: { 0: { 0: { 0: [42] } } } },
  30: { a: { 0: { 0: { 0: { 0: 42 } } } } },
}
const ALL_NUMERIC = range(0, 30)
const A0_IS_42 = [1, 2, 4, 5, 9]

// ------------------------------------------------------------ null_query_semantics.js

// The documents without arrays (the test's first part), then those with arrays,
// keyed by the test's _id names. Left out: those holding `undefined`, and
// `a_null`, as a custom field set to null is not stored (docs/api.md "Custom fields").
const nullNames = [
  'a_empty_subobject',
  'a_number',
  'a_subobject_b_not_null',
  'a_subobject_b_null',
  'no_a',
  'a_double_array',
  'a_empty_array',
  'a_object_array_no_b_nulls',
  'a_object_array_some_b_nulls',
  'a_object_array_some_b_missing',
  'a_value_array_all_nulls',
  'a_value_array_no_nulls',
  'a_value_array_with_null',
] as const
const nullValues: Record<(typeof nullNames)[number], unknown> = {
  a_empty_subobject: {},
  a_number: 4,
  a_subobject_b_not_null: { b: 'hi' },
  a_subobject_b_null: { b: null },
  no_a: undefined,
  a_double_array: [[]],
  a_empty_array: [],
  a_object_array_no_b_nulls: [{ b: 1 }, { b: 3 }, { b: 'string' }],
  a_object_array_some_b_nulls: [{ b: null }, { b: 3 }, { b: null }],
  a_object_array_some_b_missing: [{ b: 3 }, {}],
  a_value_array_all_nulls: [null, null],
  a_value_array_no_nulls: [1, 'string', 4],
  a_value_array_with_null: [1, 'string', null, 4],
}
const nullDocs = (count: number): Record<number, Doc> =>
  Object.fromEntries(nullNames.slice(0, count).map((name, id) => [id, nullValues[name] === undefined ? {} : { a: nullValues[name] }]))
const ids = (...names: Array<(typeof nullNames)[number]>): number[] => names.map((name) => nullNames.indexOf(name)).sort((x, y) => x - y)
const FLAT = 5 // the documents of the first part

// ------------------------------------------------------------ find_size.js

const listed = (docs: Doc[]): Record<number, Doc> => Object.fromEntries(docs.map((doc, id) => [id, doc]))
const sizeNested: Doc[] = [
  { a: [{ b: [1, 2, 3] }, { b: 1 }] },
  { a: [1, [2], [3]] },
  { a: [1, [2]] },
  { a: [[1, [1]]] },
  { a: [[[1]]] },
  { a: 1 },
  { a: {} },
]
const sizeDotted: Doc[] = [...sizeNested, { a: { b: [1, 2] } }, { a: { b: { c: [1] } } }]
const sizeMixed: Doc[] = [...sizeDotted, { a: { b: { c: [1, [2]] } }, b: { a: { c: [] }, b: { a: [[1, 2, 3]] } } }]
const sizeElements: Doc[] = [
  { a: [{ b: [1, 2, 3] }, { b: 1 }] },
  { a: [{ b: [1, [2]] }, { b: [1] }] },
  { a: [{ b: [{ c: [1] }, { c: [] }] }, { b: [1] }] },
  { a: { b: [1, [2], [[3]]] } },
  { a: { b: [1, 2, 3] } },
  { b: { a: [1, [2], [[3]]] } },
  { b: { a: [] } },
]

// ------------------------------------------------------------ sort_dotted_paths.js

const withN = (docs: Record<number, Doc>): Record<number, Doc> =>
  Object.fromEntries(Object.entries(docs).map(([id, doc]) => [id, { n: Number(id), ...doc }]))

const sortMixed = withN({ 1: { a: 1 }, 3: { a: null }, 4: { a: {} }, 5: { a: [] }, 6: { a: [1] }, 7: { a: [[1]] }, 8: {} })
const sortPrefixed = withN({
  1: { a: [{ b: [4, 1], c: 1 }, { b: [1, 5], c: 2 }] },
  2: { a: [{ b: 2, c: [1, 3] }, { b: 4, c: [2, 4] }] },
  3: { a: [{ b: [6, 4], c: 1 }, { b: [9, 7], c: 2 }] },
  4: { a: [{ b: 4, c: [1, 2] }, { b: 5, c: [3, 2] }] },
  5: { a: [{ b: [2, 3], c: 1 }, { b: [7, 6], c: 3 }] },
  6: { a: [{ b: 5, c: [] }, { b: 3, c: 3 }] },
  7: { a: [{ b: [], c: 2 }, { b: 2, c: 3 }] },
  8: { a: [{ b: 3, c: [2] }, { b: 8, c: [3] }] },
  9: { a: [{ b: [8], c: 2 }, { b: [6], c: 3 }] },
})

const collections: Collection[] = [
  {
    name: 'numeric path components',
    docs: numericDocs,
    rows: [
      { source: NUMERIC, where: { 'a.0': 42 }, ids: A0_IS_42 },
      { source: NUMERIC, where: { 'a.0': { $ne: 42 } }, ids: except(ALL_NUMERIC, A0_IS_42) },
      { source: NUMERIC, where: { 'a.0.0': 42 }, ids: [3, 4, 5, 6, 8, 9, 10, 12, 13, 17, 20, 21, 25] },
      { source: NUMERIC, where: { 'a.0': { $gt: 41 } }, ids: A0_IS_42 },
      { source: NUMERIC, where: { 'a.0': { $in: [41, 42, 43] } }, ids: A0_IS_42 },
      { source: NUMERIC, where: { 'a.0': { $nin: [41, 42, 43] } }, ids: except(ALL_NUMERIC, A0_IS_42) },
      { source: NUMERIC, where: { 'a.0': { $exists: false } }, ids: [0] },
      { source: NUMERIC, where: { 'a.0': { $exists: true } }, ids: range(1, 30) },
      { source: NUMERIC, where: { a: { $elemMatch: { '0.0': { $eq: 42 } } } }, ids: [7, 8, 9, 10, 16, 17, 20, 21] },
      { source: NUMERIC, where: { 'a.0': { $all: [42] } }, ids: A0_IS_42 },
      { source: NUMERIC, where: { 'a.0': { $all: [{ $elemMatch: { 0: 42 } }] } }, ids: [7, 8, 11, 12, 15, 17, 19, 20, 23, 25] },
      { source: NUMERIC, where: { $or: [{ 'a.0': 42 }, { notARealField: 123 }] }, ids: A0_IS_42 },
    ],
  },
  {
    name: 'numeric path components and $regex',
    docs: { 1: { b: 'hello' }, 2: { b: { 0: 'hello' } }, 3: { b: ['hello', 'abc', 'abc'] } },
    rows: [
      // The jstest's pattern is /hello/; mock-cloud requires ^ and a letter (docs/limits.md).
      { source: NUMERIC, where: { 'b.0': { $regex: '^hello' } }, ids: [2, 3] },
      { source: NUMERIC, where: { 'b.0': { $not: { $regex: '^h' } } }, ids: [1] },
    ],
  },
  {
    name: 'numeric path components and $elemMatch on nested arrays',
    docs: { 0: { f0: 'zz', f1: 5 }, 1: { f0: 'zz', f1: [3, 5] }, 2: { f0: 'zz', f1: [[3, 5], [5, 7]] }, 3: { f0: 'zz', f1: [[[0], [3, 5]], [[0], [5, 7]]] }, 4: { f0: 'zz', f1: [3, 5, [7, 9]] } },
    rows: [
      { source: NUMERIC, where: { 'f1.0': { $elemMatch: { $eq: 5 } } }, ids: [2] },
      { source: NUMERIC, where: { 'f1.0': { $elemMatch: { $eq: [3, 5] } } }, ids: [3] },
      { source: NUMERIC, where: { f0: 'zz', 'f1.0': { $elemMatch: { $eq: 5 } } }, ids: [2] },
      { source: NUMERIC, where: { 'f1.0.1': { $elemMatch: { $eq: 3 } } }, ids: [3] },
    ],
  },
  {
    name: 'a numeric component on an array and on a document',
    docs: { 1: { f1: [[42, 5], [77, 99]] }, 2: { f1: { 0: [42, 5], 1: [77, 99] } } },
    rows: [{ source: NUMERIC, where: { 'f1.0': { $elemMatch: { $eq: 5 } } }, ids: [1, 2] }],
  },
  {
    name: 'numeric components too large for an index',
    docs: {
      1: { a: { '9223372036854776000': 42 } },
      2: { a: { '9223372036854776000': [42] } },
      3: { a: { '9223372036854776000': [0, 42] } },
      4: { a: { '9223372036854776000': [{ '9223372036854776000': 42 }] } },
    },
    rows: [
      { source: NUMERIC, where: { 'a.9223372036854776000': 42 }, ids: [1, 2, 3] },
      { source: NUMERIC, where: { 'a.9223372036854776000.1': 42 }, ids: [3] },
      { source: NUMERIC, where: { 'a.9223372036854776000.9223372036854776000': 42 }, ids: [4] },
    ],
  },
  {
    name: 'an index that is also a field name, at the end of the path',
    docs: { 1: { a: [{ 1: 4 }, 5] } },
    rows: [
      { source: MATCH2, where: { 'a.1': 4 }, ids: [1] },
      { source: MATCH2, where: { 'a.1': 5 }, ids: [1] },
    ],
  },
  {
    name: 'an index that is also a field name, mid-path',
    docs: { 1: { a: [{ 1: { foo: 4 } }, { foo: 5 }] } },
    rows: [
      { source: MATCH2, where: { 'a.1.foo': 4 }, ids: [1] },
      { source: MATCH2, where: { 'a.1.foo': 5 }, ids: [1] },
    ],
  },
  {
    name: 'an index that is also a field name, with $exists',
    docs: { 1: { a: [{ 1: { foo: 4 } }, {}] } },
    rows: [
      { source: MATCH2, where: { 'a.1': { $exists: true } }, ids: [1] },
      { source: MATCH2, where: { 'a.1.foo': { $exists: true } }, ids: [1] },
    ],
  },
  {
    name: 'null and missing, no arrays',
    docs: nullDocs(FLAT),
    rows: [
      { source: NULLS, where: { a: { $eq: null } }, ids: ids('no_a') },
      { source: NULLS, where: { a: { $ne: null } }, ids: ids('a_empty_subobject', 'a_number', 'a_subobject_b_not_null', 'a_subobject_b_null') },
      { source: NULLS, where: { a: { $in: [null, 4] } }, ids: ids('a_number', 'no_a') },
      { source: NULLS, where: { $or: [{ a: null }, { a: 4 }] }, ids: ids('a_number', 'no_a') },
      { source: NULLS, where: { a: { $nin: [null, 4] } }, ids: ids('a_empty_subobject', 'a_subobject_b_not_null', 'a_subobject_b_null') },
      { source: NULLS, where: { a: { $exists: false } }, ids: ids('no_a') },
      { source: NULLS, where: { 'a.b': { $eq: null } }, ids: ids('a_empty_subobject', 'a_number', 'a_subobject_b_null', 'no_a') },
      { source: NULLS, where: { 'a.b': { $ne: null } }, ids: ids('a_subobject_b_not_null') },
      { source: NULLS, where: { 'a.b': { $exists: false } }, ids: ids('no_a', 'a_empty_subobject', 'a_number') },
      ...[
        { a: { $elemMatch: { $eq: null } } },
        { a: { $elemMatch: { $ne: null } } },
        { 'a.b': { $elemMatch: { $eq: null } } },
        { 'a.b': { $elemMatch: { $ne: null } } },
        { a: { $elemMatch: { b: { $eq: null } } } },
        { a: { $elemMatch: { b: { $ne: null } } } },
      ].map((where) => ({ source: NULLS, where, ids: [] })),
    ],
  },
  {
    name: 'null and missing, with arrays',
    docs: nullDocs(nullNames.length),
    rows: [
      { source: NULLS, where: { a: { $eq: null } }, ids: ids('a_value_array_all_nulls', 'a_value_array_with_null', 'no_a') },
      ...[{ a: { $ne: null } }, { a: { $not: { $gte: null } } }].map((where) => ({
        source: NULLS,
        where,
        ids: ids(
          'a_double_array',
          'a_empty_array',
          'a_empty_subobject',
          'a_number',
          'a_object_array_no_b_nulls',
          'a_object_array_some_b_nulls',
          'a_object_array_some_b_missing',
          'a_subobject_b_not_null',
          'a_subobject_b_null',
          'a_value_array_no_nulls',
        ),
      })),
      ...[{ a: { $in: [null, 75] } }, { $or: [{ a: null }, { a: 75 }] }].map((where) => ({
        source: NULLS,
        where,
        ids: ids('no_a', 'a_value_array_all_nulls', 'a_value_array_with_null'),
      })),
      {
        source: NULLS,
        where: { a: { $nin: [null, 75] } },
        ids: ids(
          'a_empty_subobject',
          'a_number',
          'a_subobject_b_not_null',
          'a_subobject_b_null',
          'a_double_array',
          'a_empty_array',
          'a_object_array_no_b_nulls',
          'a_object_array_some_b_nulls',
          'a_object_array_some_b_missing',
          'a_value_array_no_nulls',
        ),
      },
      {
        source: NULLS,
        where: { a: { $nin: [null, []] } },
        ids: ids(
          'a_empty_subobject',
          'a_number',
          'a_subobject_b_not_null',
          'a_subobject_b_null',
          'a_object_array_no_b_nulls',
          'a_object_array_some_b_nulls',
          'a_object_array_some_b_missing',
          'a_value_array_no_nulls',
        ),
      },
      { source: NULLS, where: { a: { $elemMatch: { $eq: null } } }, ids: ids('a_value_array_all_nulls', 'a_value_array_with_null') },
      {
        source: NULLS,
        where: { a: { $elemMatch: { $ne: null } } },
        ids: ids(
          'a_double_array',
          'a_object_array_no_b_nulls',
          'a_object_array_some_b_nulls',
          'a_object_array_some_b_missing',
          'a_value_array_no_nulls',
          'a_value_array_with_null',
        ),
      },
    ],
  },
  {
    name: 'a missing field in an array of documents',
    docs: { 1: { a: [{}, { b: 1 }] } },
    rows: [
      { source: FIND5, where: { 'a.b': 1 }, ids: [1] },
      { source: FIND5, where: { a: { $elemMatch: { b: 1 } } }, ids: [1] },
      { source: FIND5, where: { 'a.b': null }, ids: [1] },
      { source: FIND5, where: { a: { $elemMatch: { b: null } } }, ids: [1] },
    ],
  },
  {
    name: 'a scalar in an array of documents',
    docs: { 1: { a: [5, { b: 1 }] } },
    rows: [
      { source: FIND5, where: { 'a.b': 1 }, ids: [1] },
      { source: FIND5, where: { a: { $elemMatch: { b: 1 } } }, ids: [1] },
      { source: FIND5, where: { a: { $elemMatch: { b: null } } }, ids: [] },
    ],
  },
  {
    name: 'null, $ne null and $exists along a path of documents',
    docs: { 0: {}, 1: { a: 1 }, 2: { a: { b: 1 } }, 3: { a: { b: { c: 1 } } }, 4: { a: { b: { c: { d: null } } } } },
    rows: [
      { source: EXISTS, where: { a: null }, ids: [0] },
      { source: EXISTS, where: { 'a.b': null }, ids: [0, 1] },
      { source: EXISTS, where: { 'a.b.c': null }, ids: [0, 1, 2] },
      { source: EXISTS, where: { 'a.b.c.d': null }, ids: [0, 1, 2, 3, 4] },
      { source: EXISTS, where: { a: { $ne: null } }, ids: [1, 2, 3, 4] },
      { source: EXISTS, where: { 'a.b': { $ne: null } }, ids: [2, 3, 4] },
      { source: EXISTS, where: { 'a.b.c': { $ne: null } }, ids: [3, 4] },
      { source: EXISTS, where: { 'a.b.c.d': { $ne: null } }, ids: [] },
      { source: EXISTS, where: { a: { $exists: true } }, ids: [1, 2, 3, 4] },
      { source: EXISTS, where: { 'a.b': { $exists: true } }, ids: [2, 3, 4] },
      { source: EXISTS, where: { 'a.b.c': { $exists: true } }, ids: [3, 4] },
      { source: EXISTS, where: { 'a.b.c.d': { $exists: true } }, ids: [4] },
      { source: EXISTS, where: { a: { $exists: false } }, ids: [0] },
      { source: EXISTS, where: { 'a.b': { $exists: false } }, ids: [0, 1] },
      { source: EXISTS, where: { 'a.b.c': { $exists: false } }, ids: [0, 1, 2] },
      { source: EXISTS, where: { 'a.b.c.d': { $exists: false } }, ids: [0, 1, 2, 3] },
    ],
  },
  {
    name: '$exists through an array of documents',
    docs: { 1: { r: [{ s: 1 }] } },
    rows: [
      { source: EXISTS, where: { 'r.s': { $exists: true } }, ids: [1] },
      { source: EXISTS, where: { 'r.s': { $exists: false } }, ids: [] },
      { source: EXISTS, where: { 'r.t': { $exists: true } }, ids: [] },
      { source: EXISTS, where: { 'r.t': { $exists: false } }, ids: [1] },
    ],
  },
  {
    name: '$elemMatch on values, nested arrays and paths',
    docs: Object.fromEntries(
      [5, [5], [3, 7], [[5]], [[3, 7]], [[[5]]], [[[3, 7]]], { b: 5 }, { b: [5] }, { b: [3, 7] }, [{ b: 5 }], [{ b: 3 }, { b: 7 }], [{ b: [5] }], [{ b: [3, 7] }], [[{ b: 5 }]], [[{ b: 3 }, { b: 7 }]], [[{ b: [5] }]], [[{ b: [3, 7] }]]].map((a, id) => [id, { a }]),
    ),
    rows: [
      { source: ELEM_VALUE, where: { a: { $elemMatch: { $lt: 6, $gt: 4 } } }, ids: [1] },
      { source: ELEM_VALUE, where: { 'a.b': { $elemMatch: { $lt: 6, $gt: 4 } } }, ids: [8, 12] },
      { source: ELEM_VALUE, where: { a: { $elemMatch: { $elemMatch: { $lt: 6, $gt: 4 } } } }, ids: [3] },
      { source: ELEM_VALUE, where: { a: { $elemMatch: { b: { $lt: 6, $gt: 4 } } } }, ids: [10, 12, 13] },
      { source: ELEM_VALUE, where: { a: { $elemMatch: { b: { $elemMatch: { $lt: 6, $gt: 4 } } } } }, ids: [12] },
      { source: ELEM_VALUE, where: { a: { $elemMatch: { $elemMatch: { b: { $lt: 6, $gt: 4 } } } } }, ids: [14, 16, 17] },
    ],
  },
  {
    name: '$size on nested arrays',
    docs: listed(sizeNested),
    rows: [
      { source: SIZE, where: { a: { $size: 3 } }, ids: [1] },
      { source: SIZE, where: { a: { $size: 2 } }, ids: [0, 2] },
      { source: SIZE, where: { a: { $size: 1 } }, ids: [3, 4] },
      { source: SIZE, where: { a: { $size: 4 } }, ids: [] },
      { source: SIZE, where: { b: { $size: 1 } }, ids: [] },
    ],
  },
  {
    name: '$size on dotted paths',
    docs: listed(sizeDotted),
    rows: [
      { source: SIZE, where: { 'a.b': { $size: 2 } }, ids: [7] },
      { source: SIZE, where: { 'a.b.c': { $size: 1 } }, ids: [8] },
      { source: SIZE, where: { 'a.b.c.d': { $size: 1 } }, ids: [] },
      { source: SIZE, where: { 'a.b': { $size: 1 } }, ids: [] },
    ],
  },
  {
    name: '$size on dotted paths to nested arrays',
    docs: listed(sizeMixed),
    rows: [
      { source: SIZE, where: { 'a.b.c': { $size: 2 } }, ids: [9] },
      { source: SIZE, where: { 'b.a.c': { $size: 0 } }, ids: [9] },
      { source: SIZE, where: { 'b.b.a': { $size: 1 } }, ids: [9] },
      { source: SIZE, where: { 'b.b.a': { $size: 0 } }, ids: [] },
      { source: SIZE, where: { 'a.b.b.a': { $size: 1 } }, ids: [] },
    ],
  },
  {
    name: '$size on paths through arrays of documents',
    docs: listed(sizeElements),
    rows: [
      { source: SIZE, where: { 'a.b': { $size: 3 } }, ids: [0, 3, 4] },
      { source: SIZE, where: { 'a.b': { $size: 2 } }, ids: [1, 2] },
      { source: SIZE, where: { 'a.b.c': { $size: 1 } }, ids: [2] },
      { source: SIZE, where: { 'a.b.c': { $size: 0 } }, ids: [2] },
      { source: SIZE, where: { 'b.a': { $size: 3 } }, ids: [5] },
      { source: SIZE, where: { 'b.a': { $size: 0 } }, ids: [6] },
      { source: SIZE, where: { 'a.b.c': { $size: 3 } }, ids: [] },
      { source: SIZE, where: { 'a.b.c.d': { $size: 1 } }, ids: [] },
    ],
  },
  {
    name: '$size of empty arrays',
    docs: listed([...sizeElements, { a: [] }, { a: [] }, { a: { b: [] } }]),
    rows: [
      { source: SIZE, where: { a: { $size: 0 } }, ids: [7, 8] },
      { source: SIZE, where: { 'a.b': { $size: 0 } }, ids: [9] },
    ],
  },
  {
    name: 'sort on a field of mixed types',
    docs: sortMixed,
    rows: [
      { source: SORT, order: 'a,n', ids: [5, 3, 8, 1, 6, 4, 7] },
      { source: SORT, order: '-a,n', ids: [7, 4, 1, 6, 3, 8, 5] },
      { source: SORT_NUMERIC, order: 'a.0,n', ids: [1, 3, 4, 5, 8, 6, 7] },
      { source: SORT_NUMERIC, order: '-a.0,n', ids: [7, 6, 1, 3, 4, 5, 8] },
    ],
  },
  {
    name: 'sort on two fields, either an array',
    docs: withN({
      1: { a: 1, b: [2] },
      2: { a: 2, b: [] },
      3: { a: [], b: 4 },
      4: { a: [1], b: 4 },
      5: { a: [2, 3], b: 2 },
      6: { a: 2, b: [3, 5] },
      7: { a: 1, b: [1, 3] },
      8: { a: [1, 2], b: 3 },
      9: { a: 2, b: 3 },
    }),
    rows: [
      { source: SORT, order: 'a,b,n', ids: [3, 7, 1, 8, 4, 2, 5, 6, 9] },
      { source: SORT, order: 'a,-b,n', ids: [3, 4, 7, 8, 1, 6, 9, 5, 2] },
      { source: SORT, order: '-a,b,n', ids: [5, 2, 6, 8, 9, 7, 1, 4, 3] },
      { source: SORT, order: '-a,-b,n', ids: [5, 6, 8, 9, 2, 4, 7, 1, 3] },
    ],
  },
  {
    name: 'sort on a path of length 2',
    docs: withN({
      1: { a: { b: 2 } },
      2: { a: { b: [] } },
      3: { a: { b: [2, 3] } },
      4: { a: { c: 1 } },
      5: { a: [] },
      6: { a: [{ b: [5] }] },
      7: { a: [{ b: [4, 5] }, { b: 7 }] },
      8: { a: [{ b: [1, 3] }, { b: [2, 5] }] },
      9: { a: [{ b: [] }, { b: [1, 3] }] },
    }),
    rows: [
      { source: SORT, order: 'a.b,n', ids: [2, 9, 4, 5, 8, 1, 3, 7, 6] },
      { source: SORT, order: 'a.b,-n', ids: [9, 2, 5, 4, 8, 3, 1, 7, 6] },
      { source: SORT, order: '-a.b,n', ids: [7, 6, 8, 3, 9, 1, 4, 5, 2] },
      { source: SORT, order: '-a.b,-n', ids: [7, 8, 6, 9, 3, 1, 5, 4, 2] },
    ],
  },
  {
    name: 'sort on a path with an index',
    docs: sortPrefixed,
    rows: [
      { source: SORT_NUMERIC, order: 'a.0.b,n', ids: [7, 1, 2, 5, 8, 3, 4, 6, 9] },
      { source: SORT_NUMERIC, order: 'a.0.b,-n', ids: [7, 1, 5, 2, 8, 4, 3, 6, 9] },
      { source: SORT_NUMERIC, order: '-a.0.b,n', ids: [9, 3, 6, 1, 4, 5, 8, 2, 7] },
      { source: SORT_NUMERIC, order: '-a.0.b,-n', ids: [9, 3, 6, 4, 1, 8, 5, 2, 7] },
    ],
  },
  {
    name: 'sort on two paths without a common prefix',
    docs: withN({
      1: { a: { b: 1 }, c: [{ d: [4, 1] }, { d: [1, 5] }] },
      2: { a: [{ b: [1, 3] }, { b: [2, 4] }], c: { d: 2 } },
      3: { a: { b: 1 }, c: [{ d: [6, 4] }, { d: [9, 7] }] },
      4: { a: [{ b: [2] }, { b: [3, 2] }], c: { d: 4 } },
      5: { a: { b: 1 }, c: [{ d: [2, 3] }, { d: [7, 6] }] },
      6: { a: [{ b: [] }, { b: 3 }], c: { d: 4 } },
      7: { a: { b: 2 }, c: [{ d: [] }, { d: 2 }] },
      8: { a: [{ b: [2] }, { b: [3] }], c: { d: 3 } },
      9: { a: { b: 3 }, c: [{ d: [8] }, { d: [6] }] },
    }),
    rows: [
      { source: SORT, order: 'a.b,c.d,n', ids: [6, 1, 2, 5, 3, 7, 8, 4, 9] },
      { source: SORT, order: 'a.b,-c.d,n', ids: [6, 3, 5, 1, 2, 4, 8, 7, 9] },
      { source: SORT, order: '-a.b,c.d,n', ids: [2, 8, 4, 6, 9, 7, 1, 5, 3] },
      { source: SORT, order: '-a.b,-c.d,n', ids: [2, 9, 4, 6, 8, 7, 3, 5, 1] },
    ],
  },
  {
    name: 'sort on a path of length 3',
    docs: withN({
      1: { a: { b: { c: 2 } } },
      2: { a: { b: { c: [] } } },
      3: { a: [{ b: [] }, { b: { c: [] } }] },
      4: { a: [{ b: { c: 1 } }] },
      5: { a: { b: [{ c: 3 }, { d: 1 }] } },
      6: { a: { b: [{ c: [5] }] } },
      7: { a: [] },
      8: { a: { b: [{ c: [1, 3] }, { c: [2, 5] }] } },
      9: { a: [{ b: [{ c: [] }, { c: [1, 3] }] }] },
    }),
    rows: [
      { source: SORT, order: 'a.b.c,n', ids: [2, 3, 9, 5, 7, 4, 8, 1, 6] },
      { source: SORT, order: 'a.b.c,-n', ids: [9, 3, 2, 7, 5, 8, 4, 1, 6] },
      { source: SORT, order: '-a.b.c,n', ids: [6, 8, 5, 9, 1, 4, 3, 7, 2] },
      { source: SORT, order: '-a.b.c,-n', ids: [8, 6, 9, 5, 1, 4, 7, 3, 2] },
    ],
  },
  {
    name: 'sort on an array field, ascending',
    docs: { 0: { a: [3, 0, 1] }, 1: { a: [8, 4, -1] } },
    rows: [{ source: SORT_ARRAY, order: 'a', ids: [1, 0] }],
  },
  {
    name: 'sort on an array field, descending',
    docs: { 0: { a: [3, 0, 1] }, 1: { a: [0, 4, -1] } },
    rows: [
      { source: SORT_ARRAY, order: '-a', ids: [1, 0] },
      { source: SORT_ARRAY, order: 'a', ids: [1, 0] },
    ],
  },
  {
    name: 'sort on paths through an array, one ascending and one descending',
    docs: { 0: { x: [{ y: [4, 0, 1], z: 7 }, { y: 0, z: 9 }] }, 1: { x: [{ y: 1, z: 7 }, { y: 0, z: [8, 6] }] } },
    rows: [
      { source: SORT_ARRAY, order: 'x.y,-x.z', ids: [0, 1] },
      { source: SORT_ARRAY, order: '-x.y,x.z', ids: [0, 1] },
    ],
  },
  {
    name: 'sort on a path through arrays and embedded documents',
    docs: { 0: { a: 1, d: [{ e: { f: 1, g: [6, 5, 4] } }, { e: { g: [3, 2, 1] } }] }, 1: { a: 2, d: [{ e: { f: 2, g: [5, 4, 3] } }, { e: { g: [2, 1, 0] } }] } },
    rows: [{ source: SORT_ARRAY, order: 'd.e.g', ids: [1, 0] }],
  },
  {
    name: 'sort on a field of the documents of an array',
    docs: { 0: { a: [{ x: 2 }, { x: 3 }] }, 1: { a: [{ x: 1 }, { x: 4 }] }, 2: { a: [{ x: 3 }, { x: 4 }] } },
    rows: [{ source: SORT_ARRAY, order: 'a.x', ids: [1, 0, 2] }],
  },
  {
    name: 'geo_or.js, sorted by distance',
    // The jstest's two points, and one more whose nearer point is the third nearest to q.
    docs: withN({ 1: { loc: [-71.34895, 42.46037] }, 2: { loc: [1.48736, 42.55327] }, 3: { loc: [[10, 42.5], [100, 0]] } }),
    rows: [
      { source: GEO_OR, where: { $or: [{ loc: { $nearSphere: [1.48736, 42.55327] } }] }, ids: [2, 3, 1] },
      { source: NEAR_SPHERE, where: { loc: { $nearSphere: [1.48736, 42.55327] } }, ids: [2, 3, 1] },
      { source: NEAR_SPHERE, where: { $and: [{ n: { $gt: 1 } }, { loc: { $nearSphere: [-71.34895, 42.46037] } }] }, ids: [2, 3] },
      { source: NEAR_SPHERE, where: { loc: { $nearSphere: [1.48736, 42.55327] } }, order: 'n', ids: [1, 2, 3] },
    ],
  },
]

/**
 * Where mock-cloud keeps a rule of its own (docs/differences.md); each row's comment gives MongoDB's answer and its jstest.
 */
const ownRules: Collection[] = [
  {
    name: 'a dotted path through arrays without documents, before MongoDB 9.0',
    docs: { 1: { a: [{ b: 5 }] }, 2: { a: [{}] }, 3: { a: [] }, 4: { a: [{}, { b: 5 }] }, 5: { a: [5, { b: 5 }] } },
    rows: [
      // MongoDB before 9.0 (jstests/core/null2.js): 2, 4. MongoDB 9.0 also matches 3 and 5
      // (jstests/core/query/array/arrayfind5.js, null_query_semantics.js).
      { source: 'jstests/core/null2.js', where: { 'a.b': null }, ids: [2, 4] },
      { source: 'jstests/core/null2.js', where: { 'a.b': { $in: [null] } }, ids: [2, 4] },
      { source: 'mock-cloud', where: { 'a.b': { $ne: null } }, ids: [1, 3, 5] },
    ],
  },
  {
    name: 'sort on two paths through one array: each key on its own',
    docs: withN({
      1: { a: [{ b: 4, c: 1 }, { b: 1, c: 2 }] },
      2: { a: [{ b: 2, c: 1 }, { b: 4, c: 2 }] },
      3: { a: [{ b: 6, c: 1 }, { b: 9, c: 2 }] },
      4: { a: [{ b: 4, c: 1 }, { b: 5, c: 3 }] },
      5: { a: [{ b: 2, c: 1 }, { b: 7, c: 3 }] },
      6: { a: [{ b: 5, c: 1 }, { b: 3, c: 3 }] },
      7: { a: [{ b: 7, c: 2 }, { b: 2, c: 3 }] },
      8: { a: [{ b: 3, c: 2 }, { b: 8, c: 3 }] },
      9: { a: [{ b: 8, c: 2 }, { b: 6, c: 3 }] },
    }),
    rows: [
      // MongoDB takes both keys from one element of `a`: 2, 5, 1, 4, 6, 3, 8, 7, 9
      // (jstests/core/query/sort/sort_dotted_paths.js).
      { source: 'mock-cloud', order: 'a.c,a.b,n', ids: [1, 2, 5, 6, 4, 3, 7, 8, 9] },
    ],
  },
  {
    name: 'sort on two array fields of one user',
    docs: withN({ 1: { a: [], b: 1 }, 2: { a: 1, b: [] }, 3: { a: [], b: [] } }),
    // MongoDB refuses the sort ("parallel arrays", jstests/core/query/sort/sort_dotted_paths.js).
    rows: [{ source: 'mock-cloud', order: 'a,b,n', ids: [3, 1, 2] }],
  },
]

const user = (id: number, custom_fields: Doc) => ({ username: `d${id}`, password: 'pw', custom_fields })

interface Reply {
  meta: { code: number; message?: string }
  response?: { users: Array<{ username: string }> }
}

describe.each([...collections, ...ownRules])('MongoDB jstests: $name', ({ docs, rows }) => {
  let cloud: MockCloud

  beforeAll(async () => {
    const users = Object.entries(docs)
      .sort(([x], [y]) => Number(x) - Number(y))
      .map(([id, doc]) => user(Number(id), doc))
    cloud = await createMockCloud({ fixtures: { users } })
  })
  afterAll(() => cloud.close())

  it.each(rows.map((row) => ({ ...row, shown: [row.where && JSON.stringify(row.where), row.order].filter(Boolean).join(' order ') })))('$shown ($source)', async ({ where, order, ids: expected }) => {
    const params = new URLSearchParams({ key: 'K', limit: '100' })
    if (where) params.set('where', JSON.stringify(where))
    if (order) params.set('order', order)
    const reply = (await (await cloud.app.request(`/v1/users/query.json?${params}`)).json()) as Reply
    expect(reply.meta.code, reply.meta.message).toBe(200)
    expect(reply.response!.users.map((u) => Number(u.username.slice(1)))).toEqual(expected)
  })
})
