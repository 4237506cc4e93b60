import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { detectFormat, FormatDetectionError } from "./detect";
import { openInput, readHead } from "./input";

/** A file of a folder that `import DIR` left out, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface ExpandedInputs {
  files: string[];
  skipped: SkippedFile[];
}

/** Every regular file under `dir`, in name order, depth first; hidden entries are reported as skipped. */
function walk(dir: string, skipped: SkippedFile[]): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (name.startsWith(".")) {
      skipped.push({ file: full, reason: "hidden" });
      continue;
    }
    const stat = statSync(full);
    if (stat.isDirectory()) files.push(...walk(full, skipped));
    else if (stat.isFile()) files.push(full);
    else skipped.push({ file: full, reason: "not a regular file" });
  }
  return files;
}

/**
 * The files an `import` argument list stands for. A file is itself (a file of unknown format still fails
 * with its reason, as asked). A folder is every file under it, recursively and in name order, whose content
 * (decompressed when .gz) is of a format the importer reads; the others are listed as skipped, with why, so
 * that `import import/samples` imports the data files and names the README it left out. With an explicit
 * --format every file of the folder is taken.
 */
export async function expandInputs(args: readonly string[], format: string | undefined): Promise<ExpandedInputs> {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const arg of args) {
    if (arg === "-" || !statSync(arg, { throwIfNoEntry: false })?.isDirectory()) {
      files.push(arg);
      continue;
    }
    for (const file of walk(arg, skipped)) {
      if (format && format !== "auto") {
        files.push(file);
        continue;
      }
      try {
        detectFormat(file, await readHead(openInput(file)));
        files.push(file);
      } catch (error) {
        const reason =
          error instanceof FormatDetectionError ? error.message.replace(/^Cannot tell the format of .*?: /, "") : (error as Error).message;
        skipped.push({ file, reason: `not a known format (${reason.replace(/\. Pass --format.*$/, "")})` });
      }
    }
  }
  return { files, skipped };
}
