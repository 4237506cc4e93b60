import { describe } from "node:test";
import { testEveryCase } from "../../support/format-fixtures";

/** One-case fixtures (test/fixtures/acl-author-page/cases/): each input beside the items it must give. */
describe("acl-author-page one-case fixtures", () => testEveryCase("acl-author-page"));
