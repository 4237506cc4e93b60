import assert from "node:assert/strict";
import { test } from "node:test";
import { importFiles } from "../../../import/import-runner";
import { fromRoot } from "../../../src/util/project-root";
import { useTestApi } from "../../support/api";

/** The seed facts of DESIGN.md, through the real importer and the real API. */

const graph = useTestApi({
  load: async (db) => {
    const summary = await importFiles(db, [fromRoot("test", "fixtures", "acl-author-page", "acl-author-page-wei-xiong.txt")]);
    assert.ok(summary.ok, JSON.stringify(summary.files.map((f) => f.error)));
  },
});

test("Wei Xiong's first coauthor is Tong Zhang with 4 joint papers", async () => {
  const data = await graph.api.data(`{
    author(id: "name:wei xiong") {
      name paperCount firstYear lastYear
      coauthors(first: 3) { totalCount edges { jointPapers firstYear lastYear node { id name } } }
    }
  }`);
  const author = data.author;
  assert.equal(author.name, "Wei Xiong");
  assert.equal(author.paperCount, 5);
  assert.equal(author.coauthors.totalCount, 22);
  assert.deepEqual(author.coauthors.edges[0], {
    jointPapers: 4,
    firstYear: 2024,
    lastYear: 2024,
    node: { id: "name:tong zhang", name: "Tong Zhang" },
  });
  assert.ok(author.coauthors.edges[1].jointPapers <= 4);
});

test("the seed page gives 5 papers and 23 authors, with the import run behind them", async () => {
  const { stats } = await graph.api.data(`{ stats { authors papers venues authorships importRuns { format status sha256 counts } } }`);
  assert.equal(stats.papers, 5);
  assert.equal(stats.authors, 23);
  assert.equal(stats.authorships, 17 + 5 + 7 + 8 + 3);
  assert.equal(stats.importRuns.length, 1);
  assert.equal(stats.importRuns[0].format, "acl-author-page");
  assert.match(stats.importRuns[0].sha256, /^[0-9a-f]{64}$/);
  assert.equal(typeof stats.importRuns[0].counts, "object");
});

test("Xuange Cui and Tong Zhang never wrote together: a path of length 2 through Wei Xiong, with the papers as evidence", async () => {
  const { direct, path } = await graph.api.data(`{
    direct: author(id: "name:xuange cui") { coauthors { edges { node { id } } } }
    path: collaborationPath(fromId: "name:xuange cui", toId: "name:tong zhang") {
      length authors { id } links { from { id } to { id } papers { title year } }
    }
  }`);
  assert.ok(!direct.coauthors.edges.some((e: { node: { id: string } }) => e.node.id === "name:tong zhang"));
  assert.equal(path.length, 2);
  assert.deepEqual(
    path.authors.map((a: { id: string }) => a.id),
    ["name:xuange cui", "name:wei xiong", "name:tong zhang"],
  );
  assert.deepEqual(
    path.links[0].papers.map((p: { title: string }) => p.title),
    ["ZhichunRoad at SemEval-2022 Task 2: Adversarial Training and Contrastive Learning for Multiword Representations"],
  );
  assert.equal(path.links[1].papers.length, 4);
  assert.equal(path.links[1].from.id, "name:wei xiong");
  assert.equal(path.links[1].to.id, "name:tong zhang");
});

test("the first paper of the page keeps its 17-author byline in order", async () => {
  const { papers } = await graph.api.data(`{ papers(search: "alignment tax") { edges { node { title authorCount authors { name } } } } }`);
  const paper = papers.edges[0].node;
  assert.equal(paper.title, "Mitigating the Alignment Tax of RLHF");
  assert.equal(paper.authorCount, 17);
  assert.equal(paper.authors[0].name, "Yong Lin");
  assert.equal(paper.authors[2].name, "Wei Xiong");
  assert.equal(paper.authors[16].name, "Tong Zhang");
});
