// ESLint for TypeScript with type information (typescript-eslint); formatting is Prettier's (eslint-config-prettier
// turns off the rules that would fight it). `npm run lint` runs both; `.ci/run` and `npm test` fail on either.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

const nodeTest = {
  from: "package",
  package: "node:test",
  name: ["test", "it", "describe", "suite", "before", "after", "beforeEach", "afterEach"],
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "bench/.data/**", "test-results/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's test()/describe() return promises the runner awaits.
      "@typescript-eslint/no-floating-promises": ["error", { allowForKnownSafeCalls: [nodeTest] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // An async function without await is used on purpose: a throw inside it becomes a rejection, as callers expect.
      "@typescript-eslint/require-await": "off",
      // Values read from the driver are converted with String() on purpose: Neo4j's temporal types and Integer print
      // themselves through toString, which this rule cannot see behind \`unknown\`.
      "@typescript-eslint/no-base-to-string": "off",
    },
  },
  {
    // Tests and benchmarks read untyped JSON (GraphQL answers, exports) on purpose and assert on it.
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  prettier,
);
