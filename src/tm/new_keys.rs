//! The keys an import claims, held in memory until they go into the table of keys in key order.
//!
//! Claiming each key in the table as it comes (`INSERT OR IGNORE`) inserts at random places in a B-tree
//! of tens of megabytes: on a 1 GB import that took a third of the time. Here a unit's key is looked up
//! in memory (and in the table only when it held keys before), and the new keys are written at the end,
//! sorted, so that the B-tree grows at one edge.
//!
//! Each unit added has its key in a dense array, by id (8 bytes a unit). The look-up table is 256 shards
//! by the key's top byte, each an array of slots holding a unit (4 bytes, 0 for none) with linear probing
//! from a home slot that grows with the key, so that a shard is almost in key order: sorting it at the
//! end is quick. A shard grows by half when 80% full (one shard at a time is copied, so growing
//! does not double the memory): about 14 bytes a key in all.

/// Shards: the top byte of a key.
const SHARDS: usize = 256;
/// Slots a shard starts with.
const FIRST_SLOTS: usize = 64;
/// Slots past a shard's last home slot, so that probing never wraps around (and order is kept).
const SLACK: usize = 32;
/// Keys are compared as `key ^ FLIP`, whose unsigned order is the signed order SQLite sorts keys in.
const FLIP: u64 = 1 << 63;
/// Keys of the dense array in one allocation (growing it never copies it).
const CHUNK: usize = 1 << 16;

/// The keys claimed by units added since the last [`NewKeys::drain_sorted`], and the unit holding each.
pub(crate) struct NewKeys {
    /// The key of each unit from `base` on, by id (that of a unit that claimed none is not read).
    keys: Vec<Box<[i64]>>,
    /// Units in `keys`.
    units: usize,
    shards: Vec<Shard>,
    /// Units are kept as offsets from this id.
    base: i64,
    len: usize,
}

#[derive(Default)]
struct Shard {
    /// Offset of a unit from the base, plus one; 0 for an empty slot.
    slots: Vec<u32>,
    /// Home slots (there are at least `homes + SLACK` slots).
    homes: usize,
    len: usize,
}

impl NewKeys {
    /// An empty table for units whose ids start at `base`.
    pub(crate) fn new(base: i64) -> Self {
        NewKeys { keys: Vec::new(), units: 0, shards: (0..SHARDS).map(|_| Shard::default()).collect(), base, len: 0 }
    }

    /// How many keys are held.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The unit holding `key`, if one added since the table was last drained does.
    pub(crate) fn get(&self, key: i64) -> Option<i64> {
        let shard = &self.shards[shard_of(key)];
        self.find(shard, key).ok().map(|slot| self.base + i64::from(shard.slots[slot] - 1))
    }

    /// Records that `unit` holds `key`, which the table does not hold; false when `unit` comes before the
    /// base or more than 4 billion units after it: the key is then not recorded.
    pub(crate) fn insert(&mut self, key: i64, unit: i64) -> bool {
        let Some(offset) = u32::try_from(unit - self.base).ok().filter(|&o| o < u32::MAX) else { return false };
        let offset = offset as usize;
        while self.units <= offset {
            if self.units.is_multiple_of(CHUNK) {
                self.keys.push(vec![0; CHUNK].into_boxed_slice());
            }
            self.units += 1;
        }
        self.keys[offset / CHUNK][offset % CHUNK] = key;
        let at = shard_of(key);
        let mut shard = std::mem::take(&mut self.shards[at]);
        self.place(&mut shard, key, offset as u32 + 1);
        self.shards[at] = shard;
        self.len += 1;
        true
    }

    /// Hands every (key, unit) held to `write`, in increasing key order, a shard at a time (each freed
    /// once written); the table is then empty, for units from `base`. On an error, the keys not yet
    /// written are lost: the import fails anyway.
    pub(crate) fn drain_sorted<E>(
        &mut self,
        base: i64,
        mut write: impl FnMut(i64, i64) -> Result<(), E>,
    ) -> Result<(), E> {
        let old = std::mem::replace(self, NewKeys::new(base));
        for shard in &old.shards {
            let mut pairs: Vec<(u64, u32)> =
                shard.slots.iter().filter(|&&s| s != 0).map(|&s| (old.key_of(s) as u64 ^ FLIP, s - 1)).collect();
            // Almost in order already (a key is at most a cluster away from its home): quick to sort.
            pairs.sort_unstable_by_key(|&(flipped, _)| flipped);
            for (flipped, offset) in pairs {
                write((flipped ^ FLIP) as i64, old.base + i64::from(offset))?;
            }
        }
        Ok(())
    }

    /// The key of the unit in a (full) slot.
    fn key_of(&self, slot: u32) -> i64 {
        let offset = slot as usize - 1;
        self.keys[offset / CHUNK][offset % CHUNK]
    }

    /// The slot of `shard` holding `key`, or the empty slot where it would go (`Err`, `None` when probing
    /// reached the last slot).
    fn find(&self, shard: &Shard, key: i64) -> Result<usize, Option<usize>> {
        if shard.homes == 0 {
            return Err(None);
        }
        for slot in home(key, shard.homes)..shard.slots.len() {
            match shard.slots[slot] {
                0 => return Err(Some(slot)),
                s if self.key_of(s) == key => return Ok(slot),
                _ => {}
            }
        }
        Err(None)
    }

    /// Puts `slot` (whose unit's key is `key`) in `shard`, growing it when it is full enough.
    fn place(&self, shard: &mut Shard, key: i64, slot: u32) {
        if (shard.len + 1) * 5 > shard.homes * 4 {
            let homes = if shard.homes == 0 { FIRST_SLOTS } else { shard.homes + shard.homes / 2 };
            let old = std::mem::replace(shard, Shard { slots: vec![0; homes + SLACK], homes, len: 0 });
            for s in old.slots.into_iter().filter(|&s| s != 0) {
                self.place(shard, self.key_of(s), s);
            }
        }
        loop {
            match self.find(shard, key) {
                Ok(at) | Err(Some(at)) => {
                    shard.slots[at] = slot;
                    shard.len += 1;
                    return;
                }
                // A cluster ran into the end: more slots after it (growing would not help keys that
                // share a home whatever the size).
                Err(None) => shard.slots.resize(shard.slots.len() + SLACK, 0),
            }
        }
    }
}

fn shard_of(key: i64) -> usize {
    ((key as u64 ^ FLIP) >> 56) as usize
}

/// The home slot of a key among `homes`: its 56 low bits scaled.
fn home(key: i64, homes: usize) -> usize {
    ((u128::from((key as u64) << 8) * homes as u128) >> 64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys spread like hashes, with the edge cases of the flipped encoding.
    fn keys(n: usize) -> Vec<i64> {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut keys: Vec<i64> = (0..n)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as i64
            })
            .collect();
        keys.extend([i64::MIN, i64::MAX, 0, -1, 1, i64::MIN + 1]);
        keys
    }

    fn drained(table: &mut NewKeys, base: i64) -> Vec<(i64, i64)> {
        let mut all = Vec::new();
        table
            .drain_sorted(base, |k, u| {
                all.push((k, u));
                Ok::<(), ()>(())
            })
            .unwrap();
        all
    }

    #[test]
    fn finds_what_was_inserted_and_drains_in_order() {
        let keys = keys(100_000);
        let mut table = NewKeys::new(1000);
        for (n, &key) in keys.iter().enumerate() {
            assert_eq!(table.get(key), None);
            assert!(table.insert(key, 1000 + n as i64));
        }
        assert_eq!(table.len(), keys.len());
        for (n, &key) in keys.iter().enumerate() {
            assert_eq!(table.get(key), Some(1000 + n as i64), "key {key}");
        }
        assert_eq!(table.get(0x1234_5678), None);
        let drained = drained(&mut table, 5000);
        let mut expected: Vec<(i64, i64)> = keys.iter().enumerate().map(|(n, &k)| (k, 1000 + n as i64)).collect();
        expected.sort();
        assert_eq!(drained, expected);
        assert_eq!(table.len(), 0);
        assert_eq!(table.get(keys[0]), None);
        assert!(table.insert(keys[0], 5001));
        assert_eq!(table.get(keys[0]), Some(5001));
    }

    #[test]
    fn clustered_keys_grow_the_shard_instead_of_wrapping() {
        // Keys in one shard, all near its end: probing runs into the slack.
        let mut table = NewKeys::new(0);
        let keys: Vec<i64> = (0..500u64).map(|n| ((0x7Fu64 << 56) | (0x00FF_FFFF_FFFF_FF00 + n)) as i64).collect();
        for (n, &key) in keys.iter().enumerate() {
            table.insert(key, n as i64);
        }
        for (n, &key) in keys.iter().enumerate() {
            assert_eq!(table.get(key), Some(n as i64));
        }
        let drained = drained(&mut table, 0);
        assert!(drained.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(drained.len(), 500);
    }

    #[test]
    fn units_too_far_from_the_base_are_not_recorded() {
        let mut table = NewKeys::new(10);
        assert!(!table.insert(42, 10 + (1 << 32)));
        assert!(!table.insert(43, 9));
        assert_eq!(table.get(42), None);
        assert_eq!(table.len(), 0);
    }
}
