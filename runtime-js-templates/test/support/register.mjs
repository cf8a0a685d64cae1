// Lets plain Node import the published @cloudflare/containers dist (see hooks.mjs).
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);
