// Node module hooks for tests: `cloudflare:workers` resolves to a small local shim, and the
// extension-less ESM imports of @cloudflare/containers' dist (which has no "type": "module")
// resolve to their .js files and load as ES modules.
const SHIM = new URL("./cloudflare-workers-shim.mjs", import.meta.url).href;
const CONTAINERS = "/node_modules/@cloudflare/containers/";

export async function resolve(specifier, context, next) {
  if (specifier === "cloudflare:workers") return { url: SHIM, shortCircuit: true };
  try {
    return await next(specifier, context);
  } catch (error) {
    const fromContainers = context.parentURL !== undefined && context.parentURL.includes(CONTAINERS);
    if (fromContainers && specifier.startsWith(".") && !specifier.endsWith(".js")) {
      return next(`${specifier}.js`, context);
    }
    // The fixture and the fixture's user class (test/fixture-user) import the runtime from
    // the fixture's directory; it is compiled to build/src.
    const target = context.parentURL === undefined || !specifier.startsWith(".") ? "" : new URL(specifier, context.parentURL).href;
    const runtimeFile = /\/build\/test\/fixture-generated\/(cfc-[a-z-]+\.js)$/.exec(target);
    if (runtimeFile !== null) {
      return next(new URL(`../../src/${runtimeFile[1]}`, target).href, context);
    }
    throw error;
  }
}

export async function load(url, context, next) {
  if (url.includes(CONTAINERS) && url.endsWith(".js")) {
    const result = await next(url, { ...context, format: "module" });
    return { ...result, format: "module", shortCircuit: true };
  }
  return next(url, context);
}
