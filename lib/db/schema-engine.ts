// Prisma's schema engine compiled to WebAssembly, driven through the pg driver
// adapter. It replaces the native engine that `prisma migrate` would download
// (and cannot, on closed networks). See ../../prisma/README.md.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let gluePromise: Promise<Glue> | undefined;

// The wasm module reports Rust panics through this global before it traps.
const panicRegistry = {
  lastMessage: "",
  set_message(message: string) {
    this.lastMessage = message;
  },
};
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;

export function lastEnginePanic(): string {
  return panicRegistry.lastMessage;
}

async function loadGlue(): Promise<Glue> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Glue;
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return glue;
}

/**
 * @prisma/adapter-pg 7.10 runs a migration script by splitting it on every ";"
 * — including those inside comments, strings and function bodies — and runs
 * the pieces one by one, so a failure leaves a half-applied migration. Sending
 * the script whole, as the native engine does, runs it in PostgreSQL's implicit
 * transaction: all of it applies or none of it.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const client = adapter.underlyingDriver() as pg.Pool;
    const rethrow = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await client.query(script);
      } catch (error) {
        rethrow(error);
      }
    };
    return adapter;
  }
}

export type EngineSession = {
  engine: SchemaEngine;
  close(): Promise<void>;
};

/**
 * Opens the engine against a running PostgreSQL. Even pure schema diffs need a
 * reachable server: the engine asks the adapter for the database version.
 * The engine panics without an initial datamodel, so one is always required.
 */
export async function openSchemaEngine(databaseUrl: string, schemaText: string): Promise<EngineSession> {
  gluePromise ??= loadGlue();
  const glue = await gluePromise;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", () => undefined);
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new WholeScriptPrismaPg(pool));
  const log = () => undefined;
  const engine = await glue.SchemaEngine.new({ datamodels: [["schema.prisma", schemaText]] }, log, adapterFactory);
  return {
    engine,
    async close() {
      engine.free();
      await pool.end().catch(() => undefined);
    },
  };
}
