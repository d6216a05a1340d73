//! Byte tests eight bytes at a time ("SIMD within a register"), shared by
//! the scanners that read every byte of every article: `text::Doc`'s word
//! runs, `quotes`' stop search and the tagger's ASCII word preparation.

/// `0x01` in every byte: times a byte value, that value in every byte.
pub const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub const HIGH: u64 = ONES * 0x80;

/// The high bit of every byte of `x` within `lo..=hi`, for `x` whose bytes
/// are all below 0x80: adding `0x80 - lo` sets a byte's high bit iff the
/// byte is at least `lo`, and such a byte never carries into its neighbour.
#[inline(always)]
pub fn bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    let ge_lo = x.wrapping_add(u64::from(0x80 - lo) * ONES);
    let gt_hi = x.wrapping_add(u64::from(0x7F - hi) * ONES);
    ge_lo & !gt_hi & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_in_matches_the_byte_test() {
        for (lo, hi) in [(b'0', b'9'), (b'a', b'z'), (b'A', b'Z'), (0, 0x7f)] {
            for start in (0u8..0x80).step_by(8) {
                let bytes: Vec<u8> = (start..start + 8).collect();
                let mut w = [0u8; 8];
                w.copy_from_slice(&bytes);
                let got = bytes_in(u64::from_le_bytes(w), lo, hi);
                for (i, &b) in bytes.iter().enumerate() {
                    let flagged = got >> (8 * i + 7) & 1 == 1;
                    assert_eq!(
                        flagged,
                        (lo..=hi).contains(&b),
                        "{b:#x} in {lo:#x}..={hi:#x}"
                    );
                }
            }
        }
    }
}
