//! Seeds a reader can see and type: "new seed" steps through a fixed
//! sequence (SplitMix64's mixer), so a demo's sequence of seeds is
//! reproducible too, and seeds stay short enough to read aloud.

/// Seeds shown to readers are below this bound.
pub const SEED_BOUND: u64 = 1_000_000;

/// The seed after `seed` in the "new seed" sequence.
pub fn next_seed(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) % SEED_BOUND
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_seeds_differ_repeat_and_stay_short() {
        assert_ne!(next_seed(1), 1);
        assert_eq!(next_seed(1), next_seed(1));
        let mut seed = 0;
        for _ in 0..1000 {
            let next = next_seed(seed);
            assert!(next < SEED_BOUND);
            assert_ne!(next, seed);
            seed = next;
        }
    }
}
