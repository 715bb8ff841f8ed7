import type { ShotPosition } from "../contract/index.ts";

/**
 * Where the entries' shots landed, for the shot plots: match shots with a position (in shot order), then
 * sighters (in their order). Positions in hundredths of a mm, as stored. Entries without any are left out.
 */
export function shotPositions(sql: SqlStorage, entryIds: readonly string[]): Record<string, ShotPosition[]> {
  const ids = JSON.stringify([...new Set(entryIds.map(String))].slice(0, 100));
  const found: Record<string, ShotPosition[]> = {};
  const add = (r: Record<string, SqlStorageValue>, sighter: boolean) => {
    (found[String(r.entry_id)] ??= []).push({
      shotNo: Number(r.shot_no),
      value: Number(r.value),
      innerTen: Number(r.inner_ten) === 1,
      x: Number(r.x),
      y: Number(r.y),
      sighter,
    });
  };
  const match = sql.exec(
    `SELECT entry_id, shot_no, value, inner_ten, x, y FROM shots
     WHERE entry_id IN (SELECT value FROM json_each(?)) AND x IS NOT NULL AND y IS NOT NULL ORDER BY entry_id, shot_no`,
    ids,
  );
  for (const r of match) add(r, false);
  const sighters = sql.exec(
    `SELECT entry_id, sighter_no AS shot_no, value, inner_ten, x, y FROM sighters
     WHERE entry_id IN (SELECT value FROM json_each(?)) AND x IS NOT NULL AND y IS NOT NULL ORDER BY entry_id, sighter_no`,
    ids,
  );
  for (const r of sighters) add(r, true);
  return found;
}
