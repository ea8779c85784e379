// Lint rules that hold the layering in ../shared/STYLE.md: lib never imports
// app, lib/domain stays pure, and client components never import server code.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// A file marked "use client" is shipped to the browser: it must not import
// server code (database, jobs, model runtime, Node built-ins). Data reaches it
// through route handlers, server actions and TanStack Query.
const SERVER_ONLY = [
  /^node:/,
  /^(fs|path|os|child_process|crypto|http|https|net|worker_threads)$/,
  /^@prisma\//,
  /^pg$/,
  /^@electric-sql\//,
  /^pglite-prisma-adapter$/,
  /^onnxruntime-node$/,
  /(^|\/)lib\/(db|jobs|config|cli|health|inference|audio|corpus|export|projection|labels)(\/|$)/,
  /^@\/lib\/(db|jobs|config|cli|health|inference|audio|corpus|export|projection|labels)(\/|$)/,
];

const noServerImportsInClient = {
  meta: {
    type: "problem",
    docs: { description: "Client components must not import server-only modules." },
    messages: {
      serverImport:
        "'{{source}}' is server-only and this file is a client component (\"use client\"). Fetch the data through a route handler or server action instead.",
    },
    schema: [],
  },
  create(context) {
    const program = context.sourceCode.ast;
    const isClient = program.body.some(
      (statement) => statement.type === "ExpressionStatement" && statement.directive === "use client",
    );
    if (!isClient) return {};
    const check = (node, source) => {
      if (typeof source === "string" && SERVER_ONLY.some((pattern) => pattern.test(source))) {
        context.report({ node, messageId: "serverImport", data: { source } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};

const NO_APP_FROM_LIB = {
  group: ["@/app/*", "**/app/*", "../app/*"],
  message: "lib/ must not import app/: move what both need into lib/.",
};
const PRISMA_ONLY_IN_DB = {
  group: ["**/db/generated/*", "@prisma/client", "@prisma/client/*"],
  message: "Only lib/db uses the Prisma client: call a repository function.",
};

const NODE_BUILTINS = ["node:*", "fs", "fs/*", "path", "os", "child_process", "crypto", "http", "https", "net", "stream", "url", "worker_threads"];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks, resonance: { rules: { "no-server-imports-in-client": noServerImportsInClient } } },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "resonance/no-server-imports-in-client": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportAllDeclaration", message: "No `export *`: export names explicitly so each module's surface is visible." },
        {
          selector: "CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name='only']",
          message: "`.only` would silently skip the rest of the suite.",
        },
      ],
    },
  },
  // Later blocks replace earlier ones for the same rule, so each block lists
  // every restriction for its files, most specific last.
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_APP_FROM_LIB, PRISMA_ONLY_IN_DB] }] },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [PRISMA_ONLY_IN_DB] }] },
  },
  {
    files: ["lib/db/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_APP_FROM_LIB] }] },
  },
  {
    files: ["lib/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            NO_APP_FROM_LIB,
            { group: NODE_BUILTINS, message: "lib/domain is pure: do I/O in a capability module and pass data in." },
            { group: ["react", "react-dom", "next", "next/*"], message: "lib/domain has no UI or framework code." },
            {
              group: ["@prisma/*", "**/generated/*", "pg", "@electric-sql/*", "**/db/*", "@/lib/db/*"],
              message: "lib/domain has no database access: use lib/db repositories from a capability module.",
            },
            { group: ["onnxruntime-node", "onnxruntime-*"], message: "lib/domain has no model runtime: use lib/inference." },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { console: "readonly", process: "readonly" } },
  },
);
