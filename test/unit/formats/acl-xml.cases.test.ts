import { describe } from "node:test";
import { testEveryCase } from "../../support/format-fixtures";

/** One-case fixtures (test/fixtures/acl-xml/cases/): each input beside the items it must give. */
describe("acl-xml one-case fixtures", () => testEveryCase("acl-xml"));
