// Project-specific lint rules that encode DESIGN.md §2's dependency directions.
import path from "node:path";

const MODULES_DIR = `${path.sep}chain${path.sep}modules${path.sep}`;

function moduleOf(file) {
  const i = file.indexOf(MODULES_DIR);
  if (i < 0) return undefined;
  return file.slice(i + MODULES_DIR.length).split(path.sep)[0];
}

/** A chain module never imports another module: it declares what it needs in expected-keepers. */
const noCrossModuleImport = {
  meta: {
    type: "problem",
    docs: { description: "forbid importing one chain module from another" },
    messages: {
      cross:
        "Module '{{from}}' must not import module '{{to}}'. Declare the dependency in types/expected-keepers.ts and let app wiring inject it.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = moduleOf(file);
    if (!from) return {};
    function check(node, source) {
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const target = path.resolve(path.dirname(file), source);
      const to = moduleOf(target + path.sep);
      if (to && to !== from) context.report({ node, messageId: "cross", data: { from, to } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};

/** Iterating a Map or Set in chain modules must go through a sorted array (deterministic order). */
export default {
  meta: { name: "precision" },
  rules: { "no-cross-module-import": noCrossModuleImport },
};
