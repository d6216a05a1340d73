//! Byte tests eight bytes at a time ("SIMD within a register"), shared by
//! the scanners that read every byte of every article: `text::Doc`'s word
//! runs, `quotes`' stop search, the tagger's ASCII word preparation and
//! the inline keys of `wordset`'s tables.

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

/// Little-endian value of (up to) the first 8 bytes of `c`.
#[inline(always)]
pub fn le64(c: &[u8]) -> u64 {
    match c.first_chunk::<8>() {
        Some(a) => u64::from_le_bytes(*a),
        None => 0,
    }
}

/// The bytes after the last whole 8-byte chunk of `b`, as a little-endian
/// value padded with zeros. Overlapping loads instead of a copy into a
/// zeroed buffer: the copy of a variable length was a `memcpy` call per
/// hash, and tokens are hashed several times each.
#[inline(always)]
pub fn tail64(b: &[u8]) -> u64 {
    let len = b.len();
    let rem = len % 8;
    if rem == 0 {
        return 0;
    }
    if len >= 8 {
        // The last 8 bytes end with the remainder: shift the rest out.
        let last = b.get(len - 8..).map_or(0, le64);
        return last >> (8 * (8 - rem));
    }
    let byte = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
    if len >= 4 {
        // Two 4-byte loads that overlap (equal bytes, so OR is exact).
        let lo = b
            .first_chunk::<4>()
            .map_or(0, |a| u64::from(u32::from_le_bytes(*a)));
        let hi = b
            .get(len - 4..)
            .and_then(|t| t.first_chunk::<4>())
            .map_or(0, |a| u64::from(u32::from_le_bytes(*a)));
        return lo | hi << (8 * (len - 4));
    }
    byte(0) | byte(len / 2) << (8 * (len / 2)) | byte(len - 1) << (8 * (len - 1))
}

/// Up to 8 bytes as a little-endian value padded with zeros.
#[inline(always)]
pub fn pad64(b: &[u8]) -> u64 {
    if b.len() >= 8 {
        le64(b)
    } else {
        tail64(b)
    }
}

/// The high bit of every byte of `x` equal to `byte`: such a byte is zero
/// after the xor, and `(t - 0x01…) & !t & 0x80…` flags zero bytes. It can
/// also flag a byte above a flagged one (the borrow), never one below it,
/// so the lowest flag is always a true match.
#[inline(always)]
pub fn eq_lanes(x: u64, byte: u8) -> u64 {
    let t = x ^ (ONES * u64::from(byte));
    t.wrapping_sub(ONES) & !t & HIGH
}

/// Index of the first byte of `b` that `flags` marks, eight bytes at a
/// time: `flags` maps eight bytes (little-endian) to the high bit of each
/// marked byte, where only the lowest flag needs to be exact (as with
/// [`eq_lanes`]); `one` is the same test on a single byte, for the tail.
#[inline(always)]
pub fn find_first(b: &[u8], flags: impl Fn(u64) -> u64, one: impl Fn(u8) -> bool) -> Option<usize> {
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let f = flags(le64(c));
        if f != 0 {
            return Some(at + (f.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| one(c))
        .map(|p| at + p)
}

/// Position of the first `needle` in `b`, eight bytes at a time.
#[inline]
pub fn find_byte(b: &[u8], needle: u8) -> Option<usize> {
    find_first(b, |x| eq_lanes(x, needle), |c| c == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_byte_is_the_first_match() {
        for len in 0..40usize {
            for needle in [b'\n', 0, 0x80, 0xFF] {
                // Every position of the first match, with bytes around it
                // that differ from the needle by one (borrows) and matches
                // after it.
                for first in 0..=len {
                    let mut b: Vec<u8> = (0..len)
                        .map(|i| needle.wrapping_add(if i % 2 == 0 { 1 } else { 255 }))
                        .collect();
                    for (i, x) in b.iter_mut().enumerate() {
                        if i >= first && i % 3 == first % 3 {
                            *x = needle;
                        }
                    }
                    let want = b.iter().position(|&c| c == needle);
                    assert_eq!(find_byte(&b, needle), want, "{b:?}");
                }
            }
        }
    }

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
