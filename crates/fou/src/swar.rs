//! Byte tests eight bytes at a time in a `u64` ("SIMD within a register"),
//! for the portable byte scans: what a build without SSE2 (aarch64, wasm)
//! runs where x86-64 tests 16 bytes at once: the line index's line feeds
//! ([`crate::source`]), the bytes NFC may change ([`crate::lines`]), the
//! block marks ([`crate::blocks`]), the count scan's words and the
//! published stems ([`crate::sections`]).
//!
//! A word is eight bytes read little-endian ([`words`]): byte `j` of the
//! word is bits `8 j..8 j + 8`. Each test gives a mask with the high bit of
//! byte `j` set where byte `j` passes and every other bit clear, exactly
//! (no carry runs from one byte into the next), so [`places`] reads the
//! passing bytes off it in order.

/// Bytes tested at a time.
pub(crate) const WORD: usize = 8;

/// The low seven bits of every byte.
const LOW7: u64 = u64::from_ne_bytes([0x7f; WORD]);

/// The high bit of every byte.
const HIGH: u64 = u64::from_ne_bytes([0x80; WORD]);

/// `b` in every byte.
pub(crate) const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; WORD])
}

/// The whole words of `bytes`, in order (word `m` is bytes `8 m..8 m + 8`);
/// the bytes after the last, fewer than eight, are `bytes[whole(bytes)..]`.
#[inline(always)]
pub(crate) fn words(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    // Never the default: the chunks are of `WORD` bytes.
    (bytes.chunks_exact(WORD)).map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; WORD])))
}

/// Where the bytes after the whole words of `bytes` start ([`words`]).
pub(crate) const fn whole(bytes: &[u8]) -> usize {
    bytes.len() - bytes.len() % WORD
}

/// The word whose byte `j` is the byte `n` places before byte `j` of `w`
/// (`n` from 1 to 7), `prev` the word before `w` (0 before the first: a
/// byte `00`, which none of the scans looks for).
#[inline(always)]
pub(crate) const fn back(w: u64, prev: u64, n: u32) -> u64 {
    debug_assert!(n >= 1 && n < WORD as u32);
    (w << (8 * n)) | (prev >> (64 - 8 * n))
}

/// The bytes of `w` below `n` (`n` at most 128): a byte is when its low
/// seven bits plus `128 - n` stay below 128 and its high bit is clear.
#[inline(always)]
pub(crate) const fn below(w: u64, n: u8) -> u64 {
    debug_assert!(n <= 128);
    !(((w & LOW7) + splat(128 - n)) | w) & HIGH
}

/// The bytes of `w` from `lo` to `hi` (both ASCII, `lo <= hi`).
#[inline(always)]
pub(crate) const fn within(w: u64, lo: u8, hi: u8) -> u64 {
    below(w, hi + 1) & !below(w, lo)
}

/// The bytes of `w` at `n` or above (`n` at least 128): the high bit set
/// and the low seven bits at least `n - 128`.
#[inline(always)]
pub(crate) const fn at_least(w: u64, n: u8) -> u64 {
    debug_assert!(n >= 128);
    w & HIGH & !below(w & LOW7, n - 128)
}

/// The bytes of `w` at `80` or above (not ASCII).
#[inline(always)]
pub(crate) const fn high(w: u64) -> u64 {
    w & HIGH
}

/// The bytes of `w` at `C0` or above (a UTF-8 lead byte, or `F8`–`FF`):
/// both high bits set.
#[inline(always)]
pub(crate) const fn from_c0(w: u64) -> u64 {
    w & (w << 1) & HIGH
}

/// The bytes of `w` equal to `b`: a byte is when its XOR with `b` is zero,
/// i.e. neither its low seven bits plus `7F` nor its high bit reach 128.
#[inline(always)]
pub(crate) const fn equal(w: u64, b: u8) -> u64 {
    let x = w ^ splat(b);
    !(((x & LOW7) + LOW7) | x) & HIGH
}

/// One bit a byte of a mask of these tests: bit `j` for byte `j`. The
/// multiply moves the bit of byte `j` (bit `8 j` after the shift) to bit
/// `56 + j`, each by its own byte of the factor, and no two products meet
/// or carry there.
#[inline(always)]
pub(crate) const fn bits(mask: u64) -> u8 {
    ((mask >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// The places, from `first` on, of the bytes set in `mask` (a mask of
/// these tests), in order.
#[inline(always)]
pub(crate) fn places(mut mask: u64, first: usize) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if mask == 0 {
            return None;
        }
        let j = mask.trailing_zeros() as usize / 8;
        mask &= mask - 1;
        Some(first + j)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word of eight bytes, `x` at `j` and the bytes around it drawn
    /// from the other edge cases, so that a carry or borrow from one byte
    /// into the next would show.
    fn words_with(x: u8) -> impl Iterator<Item = (u64, usize)> {
        let around = [0x00, 0x7f, 0x80, 0xff, x.wrapping_add(1), x.wrapping_sub(1)];
        (0..WORD).flat_map(move |j| {
            around.into_iter().map(move |o| {
                let mut b = [o; WORD];
                b[j] = x;
                (u64::from_le_bytes(b), j)
            })
        })
    }

    /// A test's name, the test and its scalar test.
    type Case = (&'static str, fn(u64) -> u64, fn(u8) -> bool);

    /// Each test, for every byte at every place, among bytes that would
    /// carry into it or borrow from it, says what the scalar test says of
    /// that byte, and of no other.
    #[test]
    fn each_test_is_its_scalar_test_byte_by_byte() {
        let tests: [Case; 10] = [
            ("below 0x21", |w| below(w, 0x21), |b| b < 0x21),
            ("below 128", |w| below(w, 128), |b| b < 128),
            ("below 0", |w| below(w, 0), |_| false),
            (
                "A..=Z",
                |w| within(w, b'A', b'Z'),
                |b| b.is_ascii_uppercase(),
            ),
            ("high", high, |b| b >= 0x80),
            ("at least 0xCC", |w| at_least(w, 0xcc), |b| b >= 0xcc),
            ("at least 128", |w| at_least(w, 128), |b| b >= 128),
            ("at least 0xFF", |w| at_least(w, 0xff), |b| b == 0xff),
            ("from C0", from_c0, |b| b >= 0xc0),
            ("equal -", |w| equal(w, b'-'), |b| b == b'-'),
        ];
        for (name, test, scalar) in tests {
            for x in 0..=u8::MAX {
                for (w, j) in words_with(x) {
                    let bytes = w.to_le_bytes();
                    let want: Vec<usize> = (0..WORD).filter(|&i| scalar(bytes[i])).collect();
                    let got: Vec<usize> = places(test(w), 0).collect();
                    assert_eq!(got, want, "{name}: {bytes:02x?} (x at {j})");
                }
            }
        }
    }

    #[test]
    fn equal_is_exact_for_the_bytes_looked_for() {
        for b in [
            0x00, b'\n', b' ', b'-', b'.', b')', 0x7f, 0x80, 0xc3, 0xe2, 0xff,
        ] {
            for x in 0..=u8::MAX {
                for (w, j) in words_with(x) {
                    let bytes = w.to_le_bytes();
                    let want: Vec<usize> = (0..WORD).filter(|&i| bytes[i] == b).collect();
                    assert_eq!(
                        places(equal(w, b), 0).collect::<Vec<_>>(),
                        want,
                        "{b:02x} {j}"
                    );
                }
            }
        }
    }

    #[test]
    fn bits_are_one_a_byte_in_order() {
        for want in 0..=u8::MAX {
            let mask = (0..WORD)
                .filter(|j| want >> j & 1 == 1)
                .fold(0, |m, j| m | 0x80 << (8 * j));
            assert_eq!(bits(mask), want, "{mask:016x}");
        }
    }

    #[test]
    fn words_are_read_little_endian_and_only_whole() {
        let bytes: Vec<u8> = (1..=19).collect();
        let words: Vec<[u8; WORD]> = words(&bytes).map(u64::to_le_bytes).collect();
        assert_eq!(
            words,
            [[1, 2, 3, 4, 5, 6, 7, 8], [9, 10, 11, 12, 13, 14, 15, 16]]
        );
        assert_eq!(whole(&bytes), 16);
        assert_eq!(whole(&bytes[..7]), 0);
        let w: Vec<u64> = super::words(&bytes).collect();
        assert_eq!(
            back(w[1], w[0], 1).to_le_bytes(),
            [8, 9, 10, 11, 12, 13, 14, 15]
        );
        assert_eq!(
            back(w[1], w[0], 2).to_le_bytes(),
            [7, 8, 9, 10, 11, 12, 13, 14]
        );
        assert_eq!(back(w[0], 0, 2).to_le_bytes(), [0, 0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(places(equal(w[0], 3), 10).collect::<Vec<_>>(), [12]);
    }
}
