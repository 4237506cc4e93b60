import { describe } from "node:test";
import { testEveryCase } from "../../support/format-fixtures";

/** One-case fixtures (test/fixtures/csl-json/cases/): each input beside the items it must give. */
describe("csl-json one-case fixtures", () => testEveryCase("csl-json"));
