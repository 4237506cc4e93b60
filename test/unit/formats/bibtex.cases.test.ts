import { describe } from "node:test";
import { testEveryCase } from "../../support/format-fixtures";

/** One-case fixtures (test/fixtures/bibtex/cases/): each input beside the items it must give. */
describe("bibtex one-case fixtures", () => testEveryCase("bibtex"));
