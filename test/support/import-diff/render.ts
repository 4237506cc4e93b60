import { DiffFormat, GenFile, GenRecord, Mention } from "./cases";
import { Rng } from "./random";

/**
 * Writes a generated file in its format's own syntax, as real sources do: dblp homonym numbers and orcid
 * attributes, ACL volumes with `<author id>`, CSL given/family or literal names with ORCIDs, BibTeX "Last, First"
 * with TeX accents, author pages with year headings. Small spelling choices (JSON Lines or array, a dblp title's
 * final period, a TeX accent or the letter itself) are drawn from `rng`.
 */
export function renderFile(file: GenFile, rng: Rng): string {
  const renderers: Record<DiffFormat, (records: GenRecord[], rng: Rng, name: string) => string> = {
    "csl-json": renderCsl,
    "dblp-xml": renderDblp,
    bibtex: renderBibtex,
    "acl-xml": renderAclXml,
    "acl-author-page": renderAuthorPage,
  };
  return renderers[file.format](file.records, rng, file.name);
}

const bareDoi = (doi: string) => doi.replace(/^(?:https:\/\/doi\.org\/|doi:)/i, "");
const fullName = (m: Mention) => `${m.first} ${m.last}`;

function renderCsl(records: GenRecord[], rng: Rng): string {
  const items = records.map((r) => {
    const item: Record<string, unknown> = {
      id: `item-${r.serial}`,
      type: r.venue === null ? "article" : r.venue.journal ? "article-journal" : "paper-conference",
      title: rng.chance(0.2) ? r.title.replace(/^(\S+)/, "<i>$1</i>") : r.title,
      author: r.authors.map((m) => {
        const person: Record<string, string> = rng.chance(0.3) ? { literal: fullName(m) } : { given: m.first, family: m.last };
        if (m.orcid) person.ORCID = rng.chance(0.5) ? `https://orcid.org/${m.orcid}` : m.orcid;
        return person;
      }),
    };
    if (r.year !== null) item.issued = { "date-parts": [[r.year]] };
    if (r.doi !== null) item.DOI = r.doi;
    if (r.url !== null) item.URL = r.url;
    if (r.abstract !== null) item.abstract = r.abstract;
    if (r.pages !== null) item.page = r.pages;
    if (r.venue !== null) {
      item["container-title"] = r.venue.name;
      if (r.venue.acronym !== null) item["container-title-short"] = r.venue.acronym;
    }
    return item;
  });
  return rng.chance(0.5) ? `${JSON.stringify(items, null, 1)}\n` : items.map((i) => `${JSON.stringify(i)}\n`).join("");
}

const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function renderDblp(records: GenRecord[], rng: Rng): string {
  const body = records.map((r) => {
    const v = r.venue;
    // dblp's key prefix decides the venue: conf/<acronym> and journals/<acronym> give an acronym, books/… none.
    const stream = v?.acronym ? v.acronym.toLowerCase() : null;
    const kind = v?.journal ? "article" : "inproceedings";
    const key = `${stream ? (v!.journal ? "journals" : "conf") : "books"}/${stream ?? "misc"}/K${r.serial}`;
    const lines = [`<${kind} mdate="2024-01-01" key="${key}">`];
    for (const m of r.authors) {
      const name = m.dblpNumber ? `${fullName(m)} ${m.dblpNumber}` : fullName(m);
      lines.push(`<author${m.orcid ? ` orcid="${m.orcid}"` : ""}>${xml(name)}</author>`);
    }
    lines.push(`<title>${xml(r.title)}${rng.chance(0.7) && !/[.?!]$/.test(r.title) ? "." : ""}</title>`);
    if (r.pages !== null) lines.push(`<pages>${xml(r.pages)}</pages>`);
    if (r.year !== null) lines.push(`<year>${r.year}</year>`);
    if (v) lines.push(v.journal ? `<journal>${xml(v.name)}</journal>` : `<booktitle>${xml(v.name)}</booktitle>`);
    if (r.doi !== null) lines.push(`<ee>https://doi.org/${xml(bareDoi(r.doi))}</ee>`);
    if (r.url !== null) lines.push(`<ee>${xml(r.url)}</ee>`);
    lines.push(`</${kind}>`);
    return lines.join("\n");
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n${body.join("\n")}\n</dblp>\n`;
}

const TEX_ACCENTS: Record<string, string> = {
  é: "{\\'e}",
  É: "{\\'E}",
  ë: '{\\"e}',
  ö: '{\\"o}',
  í: "{\\'\\i}",
  ø: "{\\o}",
  Ü: '{\\"U}',
  ï: '{\\"\\i}',
};

function tex(text: string, on: boolean): string {
  return on ? [...text.normalize("NFC")].map((c) => TEX_ACCENTS[c] ?? c).join("") : text;
}

function renderBibtex(records: GenRecord[], rng: Rng): string {
  return records
    .map((r) => {
      const fields: Array<[string, string]> = [
        ["title", tex(rng.chance(0.3) ? r.title.replace(/^(\S+)/, "{$1}") : r.title, rng.chance(0.5))],
      ];
      if (r.authors.length > 0) {
        const names = r.authors.map((m) =>
          m.lastFirst ? `{${tex(m.last, m.tex)}}, ${tex(m.first, m.tex)}` : `${tex(m.first, m.tex)} {${tex(m.last, m.tex)}}`,
        );
        fields.push(["author", names.join(" and ")]);
      }
      if (r.year !== null) fields.push(["year", String(r.year)]);
      if (r.doi !== null) fields.push(["doi", r.doi]);
      if (r.url !== null) fields.push(["url", r.url]);
      if (r.abstract !== null) fields.push(["abstract", r.abstract]);
      if (r.pages !== null) fields.push(["pages", r.pages.replace("-", "--")]);
      if (r.venue !== null) {
        fields.push([r.venue.journal ? "journal" : "booktitle", r.venue.name]);
        if (r.venue.acronym !== null) fields.push([r.venue.journal ? "shortjournal" : "shortbooktitle", r.venue.acronym]);
      }
      const type = r.venue === null ? "misc" : r.venue.journal ? "article" : "inproceedings";
      return `@${type}{key${r.serial},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(",\n")}\n}\n`;
    })
    .join("\n");
}

function renderAclXml(records: GenRecord[], rng: Rng, name: string): string {
  const collection = `2020.${name.replace(/[^a-z0-9]/g, "")}`;
  // One volume per paper: the volume's <meta> carries the year and venue.
  const volumes = records.map((r, i) => {
    const v = r.venue;
    const meta = [
      v ? `<booktitle>${xml(v.name)}</booktitle>` : "",
      r.year !== null ? `<year>${r.year}</year>` : "",
      v?.acronym ? `<venue>${xml(v.acronym.toLowerCase())}</venue>` : "",
    ].join("");
    const authors = r.authors.map((m) => {
      const attrs = `${m.aclId ? ` id="${m.aclId}"` : ""}${m.orcid && rng.chance(0.5) ? ` orcid="${m.orcid}"` : ""}`;
      return `<author${attrs}><first>${xml(m.first)}</first><last>${xml(m.last)}</last></author>`;
    });
    const paper = [
      `<title>${xml(r.title)}</title>`,
      ...authors,
      r.abstract !== null ? `<abstract>${xml(r.abstract)}</abstract>` : "",
      r.pages !== null ? `<pages>${xml(r.pages)}</pages>` : "",
      `<url hash="0">${collection}-${i + 1}.${r.serial}</url>`,
      r.doi !== null ? `<doi>${xml(r.doi)}</doi>` : "",
    ];
    const volume = `<volume id="${i + 1}" type="${v?.journal ? "journal" : "proceedings"}">`;
    return `${volume}\n<meta>${meta}</meta>\n<paper id="${r.serial}">\n${paper.join("\n")}\n</paper>\n</volume>`;
  });
  return `<?xml version='1.0' encoding='UTF-8'?>\n<collection id="${collection}">\n${volumes.join("\n")}\n</collection>\n`;
}

/** Papers without a year come before the first year heading; the others under their year's heading. */
function renderAuthorPage(records: GenRecord[], rng: Rng): string {
  const owner = records[0]?.authors[0] ? fullName(records[0].authors[0]) : "Page Owner";
  const block = (r: GenRecord) =>
    [
      "pdf bib",
      r.title,
      r.authors.map(fullName).join(rng.chance(0.5) ? " | " : " |  "),
      r.venue?.name ?? "Proceedings of Nowhere",
      "",
      ...(r.abstract !== null ? [r.abstract, ""] : []),
    ].join("\n");
  const years = [...new Set(records.map((r) => r.year).filter((y): y is number => y !== null))].sort().reverse();
  const parts = [owner, "", ...records.filter((r) => r.year === null).map(block)];
  for (const year of years) parts.push(String(year), "", ...records.filter((r) => r.year === year).map(block));
  // Format detection wants a year heading (or a " | " line) near the top; a trailing heading is harmless.
  if (years.length === 0) parts.push("2000", "");
  return `${parts.join("\n")}\n`;
}
