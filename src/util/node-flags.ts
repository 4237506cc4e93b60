/*
 * The flags node and V8 were started with, as node reads them: NODE_OPTIONS first, then the command line's (node
 * applies them after, so a flag given in both has the command line's value). NODE_OPTIONS splits at white space
 * outside double quotes; quotes may wrap a flag or a part of one (`"--max-old-space-size=48"`), a backslash escapes
 * inside them. V8 spells its flags with `-` or `_` alike.
 */

/** NODE_OPTIONS' flags (quotes taken off), then `execArgv`. */
export function givenNodeFlags(execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): string[] {
  const tokens = (env.NODE_OPTIONS ?? "").match(/(?:[^\s"]+|"(?:[^"\\]|\\.)*")+/g) ?? [];
  const unquoted = tokens.map((token) => token.replace(/"((?:[^"\\]|\\.)*)"/g, (_quoted, inner: string) => inner.replace(/\\(.)/g, "$1")));
  return [...unquoted, ...execArgv];
}

function flagPattern(name: string, withValue: boolean): RegExp {
  const spelled = name.replace(/^--/, "").replace(/[-_]/g, "[-_]");
  return new RegExp(withValue ? `^--${spelled}=(.*)$` : `^--${spelled}(?:=|$)`);
}

/** Whether `name` (e.g. "max-old-space-size") is among `flags`. */
export function hasNodeFlag(flags: readonly string[], name: string): boolean {
  const pattern = flagPattern(name, false);
  return flags.some((flag) => pattern.test(flag));
}

/** The number the last `--name=N` among `flags` gives, or undefined. */
export function nodeFlagNumber(flags: readonly string[], name: string): number | undefined {
  const pattern = flagPattern(name, true);
  let value: number | undefined;
  for (const flag of flags) {
    const match = pattern.exec(flag);
    if (match && /^\d+(?:\.\d+)?$/.test(match[1])) value = Number(match[1]);
  }
  return value;
}
