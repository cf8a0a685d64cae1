/**
 * The cfc DSL: declare Cloudflare Containers as Java values. Start with
 * {@link dev.cfc.dsl.Container#define(String)} inside a {@link dev.cfc.dsl.ContainerSet}.
 * This module has no dependencies.
 */
package dev.cfc.dsl;
