// Copies the few front-end files the workbench needs from node_modules into ../static/vendor,
// with their licences and a VERSIONS.json (package, version, sha256 of each copied file), so
// the server never fetches anything at run time and CI needs no npm.
// Reproduce with: npm ci && npm run vendor
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "static", "vendor");
const files = {
  "topojson-client": {
    "dist/topojson-client.min.js": "topojson-client.min.js",
    "LICENSE": "topojson-client.LICENSE",
  },
  "world-atlas": {
    "countries-110m.json": "countries-110m.json",
    "LICENSE": "world-atlas.LICENSE",
  },
};

mkdirSync(out, { recursive: true });
const versions = {};
for (const [pkg, copies] of Object.entries(files)) {
  const root = join(here, "node_modules", pkg);
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  versions[pkg] = { version, files: {} };
  for (const [from, to] of Object.entries(copies)) {
    copyFileSync(join(root, from), join(out, to));
    const sha256 = createHash("sha256").update(readFileSync(join(out, to))).digest("hex");
    versions[pkg].files[to] = sha256;
  }
}
writeFileSync(join(out, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
console.log(`vendored into ${out}:`, Object.keys(versions).join(", "));
