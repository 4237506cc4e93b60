/**
 * Shared streaming plumbing for the XML readers (ACL Anthology XML, DBLP XML).
 *
 * Contract:
 * - bytes are decoded per the XML declaration's encoding (UTF-8 by default, ISO-8859-1, windows-1252);
 * - named entities come only from the caller's pinned table plus XML's five; a DOCTYPE with an internal
 *   subset, an external DTD other than the ones the caller names, or an unknown entity refuses the file
 *   (nothing is ever expanded from the input, so entity bombs and external entities cannot happen);
 * - only the elements `isRecord` selects are built into small trees, one at a time, and yielded when their
 *   closing tag arrives; the rest of the document is kept as a stack of open ancestors;
 * - memory is bounded: input is fed to saxes in slices, the next input chunk is only pulled after the records
 *   of the previous slice were consumed, and a record or prolog over its size cap is not kept;
 * - any well-formedness error (truncated file, mismatched tags, not XML) throws UnparseableFileError with the line.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { UnparseableFileError } from "../canonical";
import { collapseWhitespace } from "../normalise/text";

export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlNode[];
  /** 1-based line of the start tag. */
  line: number;
}
export type XmlNode = XmlElement | string;

export interface XmlAncestor {
  name: string;
  attributes: Readonly<Record<string, string>>;
}

export interface CapturedRecord {
  element: XmlElement;
  /** Open elements around the record, outermost first. Object identity is stable while an ancestor is open. */
  ancestors: readonly XmlAncestor[];
  /** The record outgrew MAX_RECORD_CHARS: its children were dropped; callers reject it. */
  oversized: boolean;
}

export interface XmlStreamOptions {
  file: string;
  /** The document element the format requires; another root means "not this format". */
  rootName: string;
  /** Named entities beyond XML's predefined five, e.g. the pinned dblp.dtd table. Anything else is refused. */
  entities?: Readonly<Record<string, string>>;
  /** File names a `<!DOCTYPE x SYSTEM "...">` may point at. The DTD itself is never loaded. */
  allowedDtdNames?: readonly string[];
  isRecord(name: string, ancestors: readonly XmlAncestor[]): boolean;
}

/** A record bigger than this (text + markup, in characters) is dropped and reported, not kept in memory. */
export const MAX_RECORD_CHARS = 4_000_000;
/** Characters allowed before the root element opens (declaration, DOCTYPE, comments). */
const MAX_PROLOG_CHARS = 1_000_000;
/** saxes gets at most this many characters per write, so one huge input chunk cannot pile up records. */
const WRITE_SLICE_CHARS = 64 * 1024;
const ELEMENT_OVERHEAD_CHARS = 16;

export async function* streamXmlRecords(input: AsyncIterable<Buffer>, options: XmlStreamOptions): AsyncGenerator<CapturedRecord> {
  const collector = new RecordCollector(options);
  for await (const text of decodeXml(input, options.file, () => collector.line)) {
    for (let start = 0; start < text.length; start += WRITE_SLICE_CHARS) {
      collector.write(text.length <= WRITE_SLICE_CHARS ? text : text.slice(start, start + WRITE_SLICE_CHARS));
      yield* collector.drain();
    }
  }
  collector.close();
  yield* collector.drain();
}

interface OpenRecord {
  root: XmlElement;
  stack: XmlElement[];
  ancestors: readonly XmlAncestor[];
  size: number;
  oversized: boolean;
  /** Depth of open elements below the root while oversized (nothing is kept then). */
  skippedDepth: number;
}

/** Turns saxes events into CapturedRecords; records wait in `pending` until drained. */
class RecordCollector {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly ancestors: XmlAncestor[] = [];
  private pending: CapturedRecord[] = [];
  private current: OpenRecord | undefined;
  private startLine = 1;
  private sawRoot = false;
  private prologChars = 0;
  private unknownEntity: string | undefined;

  constructor(private readonly options: XmlStreamOptions) {
    Object.assign(this.parser.ENTITIES, options.entities ?? {});
    // saxes looks named entities up in this table only; the proxy just remembers a failed name for the message.
    this.parser.ENTITIES = new Proxy(this.parser.ENTITIES, {
      get: (table, name) => {
        const value: unknown = Reflect.get(table, name);
        if (value === undefined && typeof name === "string") this.unknownEntity = name;
        return value;
      },
    });
    this.parser.on("error", (err) => {
      const [, column, message] = /^\d+:(\d+): (.*?)\.?$/s.exec(err.message) ?? ["", "?", err.message];
      if (message === "undefined entity" && this.unknownEntity) {
        throw this.unparseable(
          `unknown entity &${this.unknownEntity}; (column ${column}); only XML's own entities${
            this.options.entities ? " and the pinned DTD's" : ""
          } are accepted`,
        );
      }
      throw this.unparseable(`${message} (column ${column})`);
    });
    this.parser.on("doctype", (doctype) => this.checkDoctype(doctype));
    this.parser.on("opentagstart", () => (this.startLine = this.parser.line));
    this.parser.on("opentag", (tag) => this.open(tag));
    this.parser.on("text", (text) => this.text(text));
    this.parser.on("cdata", (text) => this.text(text));
    this.parser.on("closetag", () => this.closeElement());
  }

  get line(): number {
    return this.parser.line;
  }

  write(text: string): void {
    if (!this.sawRoot) {
      this.prologChars += text.length;
      if (this.prologChars > MAX_PROLOG_CHARS) throw this.unparseable(`no root element in the first ${MAX_PROLOG_CHARS} characters`);
    }
    this.parser.write(text);
  }

  close(): void {
    this.parser.close();
  }

  drain(): CapturedRecord[] {
    const ready = this.pending;
    this.pending = [];
    return ready;
  }

  private unparseable(detail: string): UnparseableFileError {
    const { file } = this.options;
    return new UnparseableFileError(file, detail, { file, line: this.parser.line });
  }

  private checkDoctype(doctype: string): void {
    if (doctype.includes("[")) {
      throw this.unparseable("the DOCTYPE has an internal subset; entity declarations in the input are refused");
    }
    const systemId = /(?:SYSTEM|PUBLIC\s+(?:"[^"]*"|'[^']*'))\s+(?:"([^"]*)"|'([^']*)')/.exec(doctype);
    if (!systemId) return;
    const dtdName = (systemId[1] ?? systemId[2]).split(/[/\\]/).pop() ?? "";
    if (!(this.options.allowedDtdNames ?? []).includes(dtdName)) {
      throw this.unparseable(`the DOCTYPE names an external DTD "${systemId[1] ?? systemId[2]}", which is never loaded`);
    }
  }

  private open(tag: SaxesTagPlain): void {
    if (!this.sawRoot) {
      this.sawRoot = true;
      if (tag.name !== this.options.rootName) {
        throw this.unparseable(`the root element is <${tag.name}>, expected <${this.options.rootName}>`);
      }
    }
    const record = this.current;
    if (record?.oversized) {
      record.skippedDepth++;
      return;
    }
    const element: XmlElement = { name: tag.name, attributes: tag.attributes, children: [], line: this.startLine };
    if (record) {
      record.stack[record.stack.length - 1].children.push(element);
      record.stack.push(element);
      this.grow(record, ELEMENT_OVERHEAD_CHARS + tag.name.length);
    } else if (this.options.isRecord(tag.name, this.ancestors)) {
      this.current = { root: element, stack: [element], ancestors: this.ancestors.slice(), size: 0, oversized: false, skippedDepth: 0 };
    } else {
      this.ancestors.push({ name: tag.name, attributes: tag.attributes });
    }
  }

  private text(text: string): void {
    const record = this.current;
    if (!record || record.oversized) return;
    const children = record.stack[record.stack.length - 1].children;
    const last = children.length - 1;
    if (typeof children[last] === "string") children[last] += text;
    else children.push(text);
    this.grow(record, text.length);
  }

  private grow(record: OpenRecord, chars: number): void {
    record.size += chars;
    if (record.size <= MAX_RECORD_CHARS) return;
    record.oversized = true;
    record.root.children = [];
    record.skippedDepth = record.stack.length - 1;
    record.stack = [record.root];
  }

  private closeElement(): void {
    const record = this.current;
    if (!record) {
      this.ancestors.pop();
    } else if (record.oversized && record.skippedDepth > 0) {
      record.skippedDepth--;
    } else if (record.stack.length > 1) {
      record.stack.pop();
    } else {
      this.pending.push({ element: record.root, ancestors: record.ancestors, oversized: record.oversized });
      this.current = undefined;
    }
  }
}

// ---- decoding -------------------------------------------------------------------------------------

interface Decoding {
  label: string;
  /** Decodes the next bytes; `undefined` flushes at end of input. */
  decode(bytes: Buffer | undefined): string;
}

const DECLARATION_SNIFF_BYTES = 1024;

/** Yields the input as text, decoded per its BOM / XML declaration. `line` gives the parser's line for errors. */
async function* decodeXml(input: AsyncIterable<Buffer>, file: string, line: () => number): AsyncGenerator<string> {
  let head: Buffer = Buffer.alloc(0);
  let decoding: Decoding | undefined;
  const run = (bytes: Buffer | undefined): string => {
    try {
      return decoding!.decode(bytes);
    } catch {
      // Text before this chunk is already parsed, so the parser's line plus the lines up to the bad byte locate it.
      const lenient = bytes?.toString("utf8") ?? "";
      const badLine = line() + (lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD"))).match(/\n/g)?.length ?? 0);
      const detail = `the bytes are not valid ${decoding!.label}; if the file is ISO-8859-1, its XML declaration must say encoding="ISO-8859-1"`;
      throw new UnparseableFileError(file, detail, { file, line: badLine });
    }
  };
  for await (const chunk of input) {
    if (decoding) {
      yield run(chunk);
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (!declarationComplete(head)) continue;
    decoding = decodingFor(head, file);
    yield run(head);
  }
  if (!decoding) {
    decoding = decodingFor(head, file);
    yield run(head);
  }
  yield run(undefined);
}

/** True once `head` holds the whole XML declaration, or enough bytes to know there is none. */
function declarationComplete(head: Buffer): boolean {
  if (head.length >= DECLARATION_SNIFF_BYTES) return true;
  const start = head.toString("latin1").replace(/^\xEF\xBB\xBF/, "");
  if (start.length < 5) return false;
  return !start.startsWith("<?xml") || start.includes("?>");
}

function decodingFor(head: Buffer, file: string): Decoding {
  const refuse = (detail: string): never => {
    throw new UnparseableFileError(file, detail, { file, line: 1 });
  };
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) {
    refuse("UTF-16 input is not supported; convert the file to UTF-8");
  }
  const hasUtf8Bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const declared = /^(?:\xEF\xBB\xBF)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    head.toString("latin1", 0, DECLARATION_SNIFF_BYTES),
  )?.[1];
  const label = (declared ?? "utf-8").toLowerCase();
  if (label === "utf-8" || label === "utf8") {
    const utf8 = new TextDecoder("utf-8", { fatal: true });
    return { label: "UTF-8", decode: (bytes) => (bytes ? utf8.decode(bytes, { stream: true }) : utf8.decode()) };
  }
  if (hasUtf8Bom) refuse(`the file starts with a UTF-8 byte order mark but declares encoding "${declared}"`);
  if (["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii"].includes(label)) {
    // Buffer's latin1 maps each byte to the same code point: true ISO-8859-1 (the WHATWG label would mean windows-1252).
    return { label: "ISO-8859-1", decode: (bytes) => (bytes ? bytes.toString("latin1") : "") };
  }
  if (label === "windows-1252" || label === "cp1252") {
    const cp1252 = new TextDecoder("windows-1252");
    return { label: "windows-1252", decode: (bytes) => (bytes ? cp1252.decode(bytes, { stream: true }) : cp1252.decode()) };
  }
  return refuse(`unsupported encoding "${declared}" (UTF-8, ISO-8859-1 and windows-1252 are read)`);
}

// ---- tree helpers ----------------------------------------------------------------------------------

/** All text below `node` with markup removed (`<fixed-case>GPT</fixed-case>s` -> "GPTs"), whitespace collapsed. */
export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return "";
  const text = rawTextOf(node);
  return NEEDS_COLLAPSING.test(text) ? collapseWhitespace(text) : text;
}

/** Cheap pre-check: most field texts are already tidy, and the collapsing regex is the reader's hot spot. */
const NEEDS_COLLAPSING = /^\s|\s$|\s\s|[^\S ]|\p{Cc}/u;

function rawTextOf(node: XmlNode): string {
  if (typeof node === "string") return node;
  if (node.children.length === 1 && typeof node.children[0] === "string") return node.children[0];
  let text = "";
  for (const child of node.children) text += rawTextOf(child);
  return text;
}

export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== "string" && child.name === name);
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child): child is XmlElement => typeof child !== "string" && child.name === name);
}

/** Text of the first `name` child; undefined when absent or blank. */
export function childText(element: XmlElement, name: string): string | undefined {
  return textOf(firstChild(element, name)) || undefined;
}
