/** Runs one example: `npm run example -- vector/3-search`. */
export {};

const exampleName = process.argv[2];
if (!exampleName || !/^(vector|memory|knowledge)\/[\w-]+$/.test(exampleName)) {
  console.error('usage: npm run example -- <vector|memory|knowledge>/<name>   e.g. vector/3-search');
  process.exit(2);
}
const example = (await import(`./${exampleName}.ts`)) as { main: () => Promise<unknown> };
try {
  console.log(JSON.stringify(await example.main(), null, 2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
