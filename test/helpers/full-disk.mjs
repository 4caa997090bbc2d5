// Loaded with `--import …/full-disk.mjs?pages=N` into the CLI a test starts: every database connection
// is capped at N pages, a full disk simulated by SQLite's own limit (a file cannot shrink below its
// size, so any cap at or under it means "full now"). There is no other way to fill a disk under one
// test: no tmpfs, no quota, and filling the real disk would hurt everything else on the machine.
const pages = Number(new URL(import.meta.url).searchParams.get('pages'));
if (!(pages > 0)) throw new Error(`full-disk.mjs needs ?pages=N, got ${import.meta.url}`);
globalThis[Symbol.for('choucha.test.onOpen')] = (client) => client.pragma(`max_page_count = ${Math.floor(pages)}`);
