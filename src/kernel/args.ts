import { ArgsType, Field, Int } from "type-graphql";
import { TieStrength } from "./tie-strength.type";

/*
 * Argument declarations shared by many fields. Fields of an @ArgsType class appear in the SDL in
 * declaration order (inherited ones first), so each field's class lists them in the order the
 * contract reads. Limits are enforced in argument-rules.ts, not here.
 */

export const FirstArg = (what = "Page size", max = 100) =>
  Field(() => Int, { nullable: true, defaultValue: 20, description: `${what}, 1..${max}.` });

export const AfterArg = () => Field(() => String, { nullable: true, description: "endCursor of the previous page." });

export const YearFromArg = () => Field(() => Int, { nullable: true, description: "Only papers from this year on (inclusive)." });

export const YearToArg = () => Field(() => Int, { nullable: true, description: "Only papers up to this year (inclusive)." });

export const MinJointPapersArg = (what: string) =>
  Field(() => Int, { nullable: true, defaultValue: 1, description: `Only ${what} with at least this many joint papers.` });

/** The tie strength scheme of a field that builds ties (TieStrength, registered in tie-strength.type.ts). */
export const StrengthArg = () =>
  Field(() => TieStrength, {
    nullable: true,
    defaultValue: TieStrength.FULL,
    description: "How ties weigh: FULL (joint papers), NEWMAN, FRACTIONAL or ASSOCIATION_STRENGTH; see TieStrength for the formulas.",
  });

export const MaxAuthorsPerPaperArg = () =>
  Field(() => Int, {
    nullable: true,
    description:
      "Papers with more authors than this add no tie (and count in no total), as VOSviewer ignores documents with many authors (its default: 25). 2..100000; leave out for no cap (the default).",
  });

/** first/after of every connection (first is 1..100). */
@ArgsType()
export class PageArgs {
  @FirstArg()
  first?: number | null;

  @AfterArg()
  after?: string | null;
}

@ArgsType()
export class YearWindowArgs {
  @YearFromArg()
  yearFrom?: number | null;

  @YearToArg()
  yearTo?: number | null;
}
