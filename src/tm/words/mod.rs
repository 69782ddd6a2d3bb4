//! The word index where fuzzy search finds its candidates: for each word (case and accents aside), the
//! units whose variants hold it.
//!
//! Words are kept as 32-bit hashes (two words sharing one only bring a few more candidates, which the
//! real score then ranks). An import collects (word, unit) pairs in memory and writes them, sorted, as a
//! *segment*: for each of 4,096 groups of words, one row whose blob lists the group's words in
//! hash order, each with its units as delta-encoded varints (a common word's long list in a row of its
//! own). So an import writes a few thousand rows per
//! segment, after the rows already there (each page is written once), instead of updating a row per word
//! per unit; a look-up reads one row per segment.
//! A small newest segment is merged into the next one written, so that many small imports (alignments
//! added one by one) do not leave many segments.

mod edit;
mod tokens;

pub(crate) use edit::PostingsEditor;
use rusqlite::{Connection, OptionalExtension, params};
pub(crate) use tokens::{query_words, unit_words, word_spans};

/// Bits of a word's hash that choose its group (row) in a segment: 4,096 groups.
const BUCKET_BITS: u32 = 12;
/// (word, unit) pairs held before they are written as a segment (8 bytes each).
const SEGMENT_PAIRS: usize = 1 << 20;
/// A word's list longer than this (in bytes) has its own row, so that looking up the other words of its
/// group does not read it, and its count is read without it.
const OWN_ROW_BYTES: usize = 512;
/// The `word` of a group's shared row (hashes are not negative).
const SHARED: i64 = -1;
/// A newest segment with fewer pairs than this is rewritten together with the next.
const SMALL_SEGMENT: i64 = 1 << 18;

/// The tables (schema version 4).
pub(crate) const TABLES: &str = "
CREATE TABLE word_segments (
    id INTEGER PRIMARY KEY,
    base INTEGER NOT NULL,
    pairs INTEGER NOT NULL
);
CREATE TABLE word_postings (
    segment INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    word INTEGER NOT NULL,
    count INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (segment, bucket, word)
) WITHOUT ROWID;
";

/// Pairs collected during an import, written as segments.
#[derive(Default)]
pub(crate) struct PostingsWriter {
    /// `hash << 32 | (unit − base)`.
    pairs: Vec<u64>,
    base: i64,
}

impl PostingsWriter {
    /// Records that unit `id` (greater than every id recorded before) holds `words`; writes a segment
    /// when enough are held.
    pub(crate) fn add(&mut self, conn: &Connection, id: i64, words: &[u32]) -> rusqlite::Result<()> {
        if self.pairs.is_empty() {
            self.base = id;
            // Room for a segment and the unit that fills it, so that the buffer never doubles.
            self.pairs.reserve_exact(SEGMENT_PAIRS + words.len().max(1024));
        }
        let offset = match u32::try_from(id - self.base) {
            Ok(offset) => offset,
            Err(_) => {
                self.flush(conn)?;
                self.base = id;
                0
            }
        };
        self.pairs.extend(words.iter().map(|&w| u64::from(w) << 32 | u64::from(offset)));
        if self.pairs.len() >= SEGMENT_PAIRS {
            self.flush(conn)?;
        }
        Ok(())
    }

    /// Writes what is held as a segment (together with a small newest segment already written).
    pub(crate) fn flush(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        if self.pairs.is_empty() {
            return Ok(());
        }
        let newest: Option<(i64, i64, i64)> = conn
            .query_row("SELECT id, base, pairs FROM word_segments ORDER BY id DESC LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if let Some((segment, base, pairs)) = newest {
            let shift = self.base - base;
            let last = self.pairs.iter().map(|p| (p & 0xffff_ffff) as i64).max().unwrap_or(0);
            if pairs < SMALL_SEGMENT && shift >= 0 && u32::try_from(shift + last).is_ok() {
                for pair in &mut self.pairs {
                    *pair += shift as u64;
                }
                read_segment(conn, segment, &mut self.pairs)?;
                conn.execute("DELETE FROM word_postings WHERE segment = ?1", [segment])?;
                conn.execute("DELETE FROM word_segments WHERE id = ?1", [segment])?;
                self.base = base;
            }
        }
        self.pairs.sort_unstable();
        conn.execute(
            "INSERT INTO word_segments(base, pairs) VALUES (?1, ?2)",
            params![self.base, self.pairs.len() as i64],
        )?;
        let segment = conn.last_insert_rowid();
        let mut insert = conn.prepare_cached(
            "INSERT INTO word_postings(segment, bucket, word, count, data) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut data = Vec::new();
        let mut ids = Vec::new();
        let mut start = 0;
        while start < self.pairs.len() {
            let bucket = bucket_of((self.pairs[start] >> 32) as u32);
            data.clear();
            let (mut k, mut shared) = (start, 0i64);
            while k < self.pairs.len() && bucket_of((self.pairs[k] >> 32) as u32) == bucket {
                let word = self.pairs[k] >> 32;
                ids.clear();
                while k < self.pairs.len() && self.pairs[k] >> 32 == word {
                    ids.push(self.pairs[k] & 0xffff_ffff);
                    k += 1;
                }
                let list = encode(&ids);
                if list.len() > OWN_ROW_BYTES {
                    insert.execute(params![segment, bucket, word as i64, ids.len() as i64, list])?;
                } else {
                    push_entry(&mut data, word as u32, ids.len(), &list);
                    shared += 1;
                }
            }
            if shared > 0 {
                insert.execute(params![segment, bucket, SHARED, shared, data])?;
            }
            start = k;
        }
        self.pairs.clear();
        Ok(())
    }
}

fn bucket_of(word: u32) -> u32 {
    word >> (32 - BUCKET_BITS)
}

/// A word's list of units: the first unit's offset from the segment's base, then the gaps, as varints.
fn encode(ids: &[u64]) -> Vec<u8> {
    let mut list = Vec::with_capacity(ids.len() * 2);
    let mut previous = 0;
    for (k, &id) in ids.iter().enumerate() {
        push_varint(&mut list, if k == 0 { id } else { id - previous });
        previous = id;
    }
    list
}

/// One word of a group's shared row: its hash (4 bytes, little-endian), how many units, the byte length
/// of their list, and the list.
fn push_entry(data: &mut Vec<u8>, word: u32, count: usize, list: &[u8]) {
    data.extend_from_slice(&word.to_le_bytes());
    push_varint(data, count as u64);
    push_varint(data, list.len() as u64);
    data.extend_from_slice(list);
}

fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A varint at `*at`, moving past it (`None` past the end of damaged data).
fn read_varint(data: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let byte = *data.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
}

/// The entries of one group, in order: (word, count, encoded list).
fn entries(data: &[u8]) -> impl Iterator<Item = (u32, u64, &[u8])> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let word = u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?);
        at += 4;
        let count = read_varint(data, &mut at)?;
        let length = read_varint(data, &mut at)? as usize;
        let list = data.get(at..at + length)?;
        at += length;
        Some((word, count, list))
    })
}

/// The offsets a list encodes.
fn offsets(list: &[u8]) -> impl Iterator<Item = u64> + '_ {
    let (mut at, mut previous, mut first) = (0, 0u64, true);
    std::iter::from_fn(move || {
        let value = read_varint(list, &mut at)?;
        previous = if first { value } else { previous + value };
        first = false;
        Some(previous)
    })
}

/// Adds the pairs of segment `segment` to `pairs`.
fn read_segment(conn: &Connection, segment: i64, pairs: &mut Vec<u64>) -> rusqlite::Result<()> {
    let mut select = conn.prepare("SELECT word, data FROM word_postings WHERE segment = ?1")?;
    let mut rows = select.query([segment])?;
    while let Some(row) = rows.next()? {
        let (word, data): (i64, &[u8]) = (row.get(0)?, row.get_ref(1)?.as_blob()?);
        if word == SHARED {
            for (word, _, list) in entries(data) {
                pairs.extend(offsets(list).map(|offset| u64::from(word) << 32 | offset));
            }
        } else {
            pairs.extend(offsets(data).map(|offset| (word as u64) << 32 | offset));
        }
    }
    Ok(())
}

/// The units holding a word, as the index gives them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// How many units hold the word.
    pub count: u64,
    /// The first of them (lowest ids), at most as many as asked.
    pub units: Vec<i64>,
}

/// The rows of a word (its own, or its group's shared one) in each segment, oldest segment first.
const LOOKUP: &str = "SELECT s.base, p.word, p.count, p.data FROM word_segments AS s CROSS JOIN word_postings AS p \
     ON p.segment = s.id AND p.bucket = ?1 AND p.word IN (?2, ?3) ORDER BY s.id";

/// The units holding `word`: how many, and the first `limit` (none when there are more than `limit`).
pub(crate) fn lookup(conn: &Connection, word: u32, limit: usize) -> rusqlite::Result<Found> {
    let mut found = Found::default();
    // A long list's blob is read only when its units are wanted (its count comes first in the row).
    // CROSS JOIN keeps segments outside: one look-up in the index per segment, never a scan of it.
    let mut select = conn.prepare_cached(LOOKUP)?;
    let mut rows = select.query(params![bucket_of(word), SHARED, i64::from(word)])?;
    let mut lists: Vec<(i64, Vec<u8>)> = Vec::new();
    while let Some(row) = rows.next()? {
        let (base, own): (i64, bool) = (row.get(0)?, row.get::<_, i64>(1)? != SHARED);
        if own {
            found.count += row.get::<_, i64>(2)? as u64;
            if found.count <= limit as u64 {
                lists.push((base, row.get_ref(3)?.as_blob()?.to_vec()));
            }
        } else if let Some((_, count, list)) = shared_entry(row.get_ref(3)?.as_blob()?, word) {
            found.count += count;
            if found.count <= limit as u64 {
                lists.push((base, list.to_vec()));
            }
        }
    }
    if found.count <= limit as u64 {
        for (base, list) in &lists {
            found.units.extend(offsets(list).map(|o| base + o as i64));
        }
    }
    Ok(found)
}

/// The entry of `word` in a shared row.
fn shared_entry(data: &[u8], word: u32) -> Option<(u32, u64, &[u8])> {
    entries(data).take_while(|e| e.0 <= word).find(|e| e.0 == word)
}

/// The first `limit` units (lowest ids) that hold both `a` and `b`: segment by segment, stopping once
/// there are enough (so two common words read little).
pub(crate) fn lookup_both(conn: &Connection, a: u32, b: u32, limit: usize) -> rusqlite::Result<Vec<i64>> {
    let segments: Vec<(i64, i64)> = conn
        .prepare_cached("SELECT id, base FROM word_segments ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut both = Vec::new();
    for (segment, base) in segments {
        let (Some(first), Some(second)) = (segment_list(conn, segment, a)?, segment_list(conn, segment, b)?) else {
            continue;
        };
        let (mut first, mut second) = (offsets(&first).peekable(), offsets(&second).peekable());
        while let (Some(&x), Some(&y)) = (first.peek(), second.peek()) {
            match x.cmp(&y) {
                std::cmp::Ordering::Less => _ = first.next(),
                std::cmp::Ordering::Greater => _ = second.next(),
                std::cmp::Ordering::Equal => {
                    both.push(base + x as i64);
                    if both.len() >= limit {
                        return Ok(both);
                    }
                    first.next();
                    second.next();
                }
            }
        }
    }
    Ok(both)
}

/// The encoded list of `word` in `segment`, if the word is there.
fn segment_list(conn: &Connection, segment: i64, word: u32) -> rusqlite::Result<Option<Vec<u8>>> {
    let mut select = conn.prepare_cached(
        "SELECT word, data FROM word_postings WHERE segment = ?1 AND bucket = ?2 AND word IN (?3, ?4)",
    )?;
    let mut rows = select.query(params![segment, bucket_of(word), SHARED, i64::from(word)])?;
    while let Some(row) = rows.next()? {
        let data = row.get_ref(1)?.as_blob()?;
        if row.get::<_, i64>(0)? != SHARED {
            return Ok(Some(data.to_vec()));
        }
        if let Some((_, _, list)) = shared_entry(data, word) {
            return Ok(Some(list.to_vec()));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(TABLES).unwrap();
        conn
    }

    #[test]
    fn lookups_find_every_unit_across_segments_and_merges() {
        let conn = memory();
        let (chat, chien, rare) = (query_words("chat")[0], query_words("chien")[0], query_words("ornithorynque")[0]);
        // Three imports: the second segment is merged into the first (small), so two rows at most.
        for ids in [1..=1000i64, 1001..=1500, 1501..=4000] {
            let mut writer = PostingsWriter::default();
            for id in ids {
                let mut words = vec![chat];
                if id % 2 == 0 {
                    words.push(chien);
                }
                if id == 3999 {
                    words.push(rare);
                }
                words.sort_unstable();
                writer.add(&conn, id, &words).unwrap();
            }
            writer.flush(&conn).unwrap();
        }
        let segments: i64 = conn.query_row("SELECT count(*) FROM word_segments", [], |r| r.get(0)).unwrap();
        assert_eq!(segments, 1);
        let found = lookup(&conn, chat, 10_000).unwrap();
        assert_eq!(found.count, 4000);
        assert_eq!(found.units, (1..=4000).collect::<Vec<_>>());
        let too_many = lookup(&conn, chat, 100).unwrap();
        assert_eq!((too_many.count, too_many.units.len()), (4000, 0));
        assert_eq!(lookup(&conn, rare, 10).unwrap(), Found { count: 1, units: vec![3999] });
        assert_eq!(lookup(&conn, query_words("absent")[0], 10).unwrap(), Found::default());
        assert_eq!(lookup_both(&conn, chat, chien, 3).unwrap(), vec![2, 4, 6]);
    }

    #[test]
    fn look_ups_use_the_primary_key_and_never_scan_the_postings() {
        let conn = memory();
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {LOOKUP}"))
            .unwrap()
            .query_map(params![1, SHARED, 7], |r| r.get(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(plan.iter().any(|step| step.contains("SEARCH p USING PRIMARY KEY")), "{plan:?}");
        assert!(!plan.iter().any(|step| step.contains("SCAN p")), "{plan:?}");
    }

    #[test]
    fn large_imports_write_several_segments() {
        let conn = memory();
        let mut writer = PostingsWriter::default();
        let words: Vec<u32> = (0..64u32).map(|k| k.wrapping_mul(0x9e37_79b9)).collect();
        let units = (SEGMENT_PAIRS / words.len()) as i64 * 2 + 10;
        let mut sorted = words.clone();
        sorted.sort_unstable();
        for id in 1..=units {
            writer.add(&conn, id, &sorted).unwrap();
        }
        writer.flush(&conn).unwrap();
        let segments: i64 = conn.query_row("SELECT count(*) FROM word_segments", [], |r| r.get(0)).unwrap();
        assert_eq!(segments, 3);
        for word in [words[0], words[63]] {
            let found = lookup(&conn, word, usize::MAX).unwrap();
            assert_eq!(found.count, units as u64);
            assert_eq!(found.units.len(), units as usize);
            assert!(found.units.windows(2).all(|w| w[1] == w[0] + 1));
        }
    }
}
