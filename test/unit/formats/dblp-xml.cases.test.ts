import { describe } from "node:test";
import { testEveryCase } from "../../support/format-fixtures";

/** One-case fixtures (test/fixtures/dblp-xml/cases/): each input beside the items it must give. */
describe("dblp-xml one-case fixtures", () => testEveryCase("dblp-xml"));
