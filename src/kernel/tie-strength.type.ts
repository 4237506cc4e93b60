import { registerEnumType } from "type-graphql";
import { TIE_STRENGTH_FORMULAS, TieStrength } from "./tie-strength";

registerEnumType(TieStrength, {
  name: "TieStrength",
  description:
    "How much a coauthorship tie weighs. Each scheme sums over the pair's joint papers p, n_p being p's number of authors; papers above maxAuthorsPerPaper (when given) and outside the year window count nowhere, neither in a tie nor in a total.",
  valuesConfig: Object.fromEntries(Object.values(TieStrength).map((s) => [s, { description: TIE_STRENGTH_FORMULAS[s] }])),
});

export { TieStrength };
