import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/*
 * networkx, an independent reader of GEXF, GraphML, Cytoscape.js JSON and Pajek, in a venv the
 * tests make themselves: COAUTHOR_GRAPH_PYENV, or coauthor-graph-pyenv in the temp folder (kept
 * between runs, so networkx is installed once). Needs python3 with venv (`apt-get install -y
 * python3-venv`; .ci/run does it) and PyPI for the first install.
 */

export function pyenvDir(): string {
  return process.env.COAUTHOR_GRAPH_PYENV || path.join(os.tmpdir(), "coauthor-graph-pyenv");
}

/** The venv's python with networkx importable; creates the venv and installs networkx when needed. */
export function pythonWithNetworkx(): string {
  const dir = pyenvDir();
  const python = path.join(dir, "bin", "python");
  const run = (file: string, args: string[], timeout = 300_000) =>
    execFileSync(file, args, { encoding: "utf8", timeout, stdio: ["ignore", "pipe", "pipe"] });
  if (!existsSync(python)) {
    try {
      run("python3", ["-m", "venv", dir]);
    } catch (error) {
      throw new Error(
        `Cannot make a Python venv at ${dir} for networkx: ${(error as Error).message.split("\n")[0]}. Install python3 and python3-venv (apt-get install -y python3-venv), or set COAUTHOR_GRAPH_PYENV to a venv that has networkx.`,
        { cause: error },
      );
    }
  }
  try {
    run(python, ["-c", "import networkx"]);
  } catch {
    try {
      run(python, ["-m", "pip", "install", "--quiet", "networkx"]);
    } catch (error) {
      throw new Error(
        `Cannot install networkx into ${dir}: ${(error as Error).message.split("\n")[0]}. Run \`${python} -m pip install networkx\` with access to PyPI, then rerun.`,
        { cause: error },
      );
    }
  }
  return python;
}

/**
 * A Python `pagerank(G, tol)` for the scripts above: nx.pagerank needs numpy and scipy, which a fresh venv with only
 * networkx lacks; networkx's own pure-Python power iteration needs neither and computes the same figure.
 */
export const NETWORKX_PAGERANK = `
def pagerank(G, tol):
    try:
        return nx.pagerank(G, alpha=0.85, weight="weight", tol=tol, max_iter=10000)
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        return _pagerank_python(G, alpha=0.85, weight="weight", tol=tol, max_iter=10000)
`;

/** Runs a Python script (stdin) with the venv's python and parses the JSON it prints. */
export function runPython<T>(python: string, script: string, args: string[] = []): T {
  const out = execFileSync(python, ["-", ...args], { input: script, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as T;
}
