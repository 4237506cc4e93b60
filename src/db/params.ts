import neo4j, { type Integer } from "neo4j-driver";

/**
 * What a Cypher parameter may hold: JSON-like values. Object properties may be undefined (optional
 * fields spread from arguments); they are left out of what is sent, as JSON would.
 */
export type ParamValue = string | number | boolean | null | readonly ParamValue[] | ParamMap;

export interface ParamMap {
  readonly [key: string]: ParamValue | undefined;
}

/** The parameters of one statement. */
export type Params = ParamMap;

/** A parameter as the driver receives it: whole numbers have become Neo4j integers. */
export type Neo4jValue = string | number | Integer | boolean | null | Neo4jValue[] | Neo4jMap;

export interface Neo4jMap {
  [key: string]: Neo4jValue;
}

/**
 * With lossless integers disabled (database.ts: results come back as plain JS numbers) the driver
 * also sends every JS number as a float, and Cypher refuses floats for LIMIT/SKIP and would store
 * years as 2024.0. So whole numbers become Neo4j integers here, at any depth; other numbers stay
 * floats. Undefined properties are dropped.
 */
export function toNeo4jParams(params: Params): Neo4jMap {
  const out: Neo4jMap = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) out[key] = toNeo4jValue(value);
  return out;
}

export function toNeo4jValue(value: ParamValue): Neo4jValue {
  if (typeof value === "number") return Number.isInteger(value) ? neo4j.int(value) : value;
  if (isList(value)) return value.map(toNeo4jValue);
  if (value !== null && typeof value === "object") {
    // Only plain objects are maps to convert; anything else the driver knows (a neo4j type that
    // reached here despite the types) is passed on as it is.
    return Object.getPrototypeOf(value) === Object.prototype ? toNeo4jParams(value) : (value as unknown as Neo4jValue);
  }
  return value;
}

// Array.isArray does not narrow a readonly array out of a union.
function isList(value: ParamValue): value is readonly ParamValue[] {
  return Array.isArray(value);
}
