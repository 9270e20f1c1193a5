// Runs `prisma generate`. Where Prisma's engine download is blocked (offline or locked-down
// machines), generation still works: the CLI insists on a schema-engine binary being present
// but never runs it to generate a client, so we point it at an existing file and try again.
// On machines where the engines download normally, the first attempt succeeds and this is
// just `prisma generate`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const prisma = fileURLToPath(new URL("../node_modules/prisma/build/index.js", import.meta.url));

function generate(extraEnv) {
  return spawnSync(process.execPath, [prisma, "generate"], {
    env: { ...process.env, ...extraEnv },
    encoding: "utf8",
  });
}

let result = generate({});
const engineMissing = /binaries\.prisma\.sh|schema-engine|ENOTFOUND|EAI_AGAIN/i.test(
  `${result.stdout}${result.stderr}`,
);
if (result.status !== 0 && engineMissing && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  console.log("prisma-generate: engine download unavailable; generating without it.");
  result = generate({ PRISMA_SCHEMA_ENGINE_BINARY: fileURLToPath(import.meta.url) });
}
process.stdout.write(result.stdout ?? "");
process.stderr.write(result.stderr ?? "");
process.exit(result.status ?? 1);
