// Reads a catalog snapshot's Parquet with DuckDB and prints what it sees as one JSON object.
// Usage: DUCKDB_NODE_DIR=.duckdb-node node read-catalog.mjs SNAPSHOT_DIR
// (DUCKDB_NODE_DIR: the folder whose node_modules holds @duckdb/node-api, see tools/install-duckdb.sh)
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const from = createRequire(resolve(process.env.DUCKDB_NODE_DIR ?? '.') + '/');
const api = await import(pathToFileURL(from.resolve('@duckdb/node-api')).href);
const { DuckDBInstance } = api;

const snapshot = process.argv[2];
const table = (t) => `read_parquet('${snapshot.replaceAll("'", "''")}/${t}/**/*.parquet', hive_partitioning = true)`;

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const rows = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJson();
const one = async (sql) => (await rows(sql))[0];

const out = { duckdb_version: (await one('SELECT version() AS v')).v };
for (const t of ['instances', 'series', 'studies', 'patients', 'conflicts', 'rejects']) {
  out[`${t}_count`] = (await one(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table(t)}`)).n;
}
out.instance_modalities = (await rows(`SELECT DISTINCT Modality AS m FROM ${table('instances')} ORDER BY 1`)).map((r) => r.m);
out.series_modalities = (await rows(`SELECT DISTINCT Modality AS m FROM ${table('series')} ORDER BY 1`)).map((r) => r.m);
out.study_years = (await rows(`SELECT DISTINCT CAST(study_year AS VARCHAR) AS y FROM ${table('studies')} ORDER BY 1`)).map((r) => r.y);
out.study_dates = (await rows(`SELECT StudyInstanceUID AS uid, CAST(StudyDate AS VARCHAR) AS d, typeof(StudyDate) AS t
  FROM ${table('studies')} ORDER BY 1`));
out.series_rows = (await rows(`SELECT SeriesInstanceUID AS uid, CAST(number_of_instances AS INTEGER) AS n,
  SeriesDescription AS description FROM ${table('series')} ORDER BY 1`));
// the instances' columns as DuckDB types them, and whether every column (the VARIANT `header` included) reads
out.instance_types = Object.fromEntries((await rows(`DESCRIBE SELECT * FROM ${table('instances')}`))
  .map((r) => [r.column_name, r.column_type]));
try {
  const all = await db.runAndReadAll(`SELECT * FROM ${table('instances')}`);
  out.select_star_rows = all.currentRowCount;
} catch (e) {
  out.select_star_error = String(e.message ?? e);
}
try {
  out.header_sample = (await one(`SELECT CAST(header AS VARCHAR) AS h FROM ${table('instances')}
    ORDER BY SOPInstanceUID LIMIT 1`)).h;
} catch (e) {
  out.header_error = String(e.message ?? e);
}
console.log(JSON.stringify(out));
db.closeSync();
instance.closeSync();
