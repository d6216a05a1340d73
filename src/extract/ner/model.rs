//! The model file: magic, version, header, lexicon, gazetteer, quantised
//! weights and a trailing checksum. All integers little-endian.
//!
//! ```text
//! "NEWSDXNR" u32 version
//! u8 scheme, u8 hash_bits, u16 n_labels, f32 scale, u32 feature flags
//! u32 info_len, info (UTF-8, JSON: how the model was trained)
//! u64 n, n × (u64 key, u32 value)      lexicon, sorted by key
//! u64 n, n × (u64 key, u8 types)       gazetteer, sorted by key
//! u64 n, n × i16                       weights, row-major [bucket][label]
//! u64 checksum of every byte before it
//! ```

use anyhow::{bail, Context};

use super::lexicon::{Gazetteer, Lexicon};
use super::Scheme;

const MAGIC: &[u8; 8] = b"NEWSDXNR";
const VERSION: u32 = 2;

/// Everything a model file holds.
pub(crate) struct ModelData {
    pub scheme: Scheme,
    pub hash_bits: u32,
    pub n_labels: usize,
    pub scale: f32,
    pub features: u32,
    pub info: String,
    pub lexicon: Lexicon,
    pub gazetteer: Gazetteer,
    pub weights: Vec<i16>,
}

/// Integrity check only (not cryptographic): 8 bytes at a time so that a
/// 20 MB model is verified in a few milliseconds.
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0x243F_6A88_85A3_08D3;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(a))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(31);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(31);
    }
    h ^ (bytes.len() as u64)
}

pub(crate) fn encode(m: &ModelData) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + m.weights.len() * 2 + m.lexicon.entries.len() * 12);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.push(m.scheme as u8);
    out.push(m.hash_bits as u8);
    out.extend_from_slice(&(m.n_labels as u16).to_le_bytes());
    out.extend_from_slice(&m.scale.to_le_bytes());
    out.extend_from_slice(&m.features.to_le_bytes());
    out.extend_from_slice(&(m.info.len() as u32).to_le_bytes());
    out.extend_from_slice(m.info.as_bytes());
    out.extend_from_slice(&(m.lexicon.entries.len() as u64).to_le_bytes());
    for (k, v) in &m.lexicon.entries {
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&v.to_le_bytes());
    }
    // Sorted so that the same gazetteer always gives the same bytes.
    let mut gaz: Vec<(u64, u8)> = m.gazetteer.entries.iter().map(|(k, v)| (*k, *v)).collect();
    gaz.sort_unstable();
    out.extend_from_slice(&(gaz.len() as u64).to_le_bytes());
    for (k, v) in &gaz {
        out.extend_from_slice(&k.to_le_bytes());
        out.push(*v);
    }
    out.extend_from_slice(&(m.weights.len() as u64).to_le_bytes());
    for w in &m.weights {
        out.extend_from_slice(&w.to_le_bytes());
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> anyhow::Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        match end.and_then(|e| self.bytes.get(self.pos..e).map(|s| (e, s))) {
            Some((e, s)) => {
                self.pos = e;
                Ok(s)
            }
            None => bail!("model file truncated while reading {what}"),
        }
    }
    fn arr<const N: usize>(&mut self, what: &str) -> anyhow::Result<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N, what)?);
        Ok(a)
    }
    fn u8(&mut self, what: &str) -> anyhow::Result<u8> {
        Ok(self.arr::<1>(what)?[0])
    }
    fn u16(&mut self, what: &str) -> anyhow::Result<u16> {
        Ok(u16::from_le_bytes(self.arr(what)?))
    }
    fn u32(&mut self, what: &str) -> anyhow::Result<u32> {
        Ok(u32::from_le_bytes(self.arr(what)?))
    }
    fn u64(&mut self, what: &str) -> anyhow::Result<u64> {
        Ok(u64::from_le_bytes(self.arr(what)?))
    }
    /// A count of records of `size` bytes, checked against what is left so
    /// that a corrupt count cannot trigger a huge allocation.
    fn count(&mut self, size: usize, what: &str) -> anyhow::Result<usize> {
        let n = self.u64(what)?;
        let left = (self.bytes.len() - self.pos) as u64;
        if n.checked_mul(size as u64).is_none_or(|b| b > left) {
            bail!("model file truncated or corrupt: {what} claims {n} records");
        }
        Ok(n as usize)
    }
}

pub(crate) fn decode(bytes: &[u8]) -> anyhow::Result<ModelData> {
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        bail!("not a newsdex NER model (bad magic bytes)");
    }
    if bytes.len() < MAGIC.len() + 4 + 8 {
        bail!("model file truncated ({} bytes)", bytes.len());
    }
    let (body, tail) = bytes.split_at(bytes.len() - 8);
    let mut sum = [0u8; 8];
    sum.copy_from_slice(tail);
    let mut r = Reader {
        bytes: body,
        pos: MAGIC.len(),
    };
    let version = r.u32("version")?;
    if version != VERSION && version != 1 {
        bail!("unsupported NER model version {version} (this build reads version {VERSION})");
    }
    if checksum(body) != u64::from_le_bytes(sum) {
        bail!("NER model checksum mismatch: the file is truncated or corrupted");
    }
    let scheme = match r.u8("scheme")? {
        0 => Scheme::Iob2,
        1 => Scheme::Bilou,
        other => bail!("unknown label scheme {other} in NER model"),
    };
    let hash_bits = u32::from(r.u8("hash bits")?);
    if !(8..=26).contains(&hash_bits) {
        bail!("implausible hash size 2^{hash_bits} in NER model");
    }
    let n_labels = usize::from(r.u16("label count")?);
    if n_labels != scheme.n_labels() {
        bail!(
            "NER model has {n_labels} labels, its scheme needs {}",
            scheme.n_labels()
        );
    }
    let scale = f32::from_le_bytes(r.arr("scale")?);
    // Version 1 had no flags field: it used every group then known.
    let features = if version == 1 {
        31
    } else {
        r.u32("feature flags")?
    };
    let info_len = r.u32("info length")? as usize;
    let info = String::from_utf8(r.take(info_len, "info")?.to_vec())
        .context("NER model info is not UTF-8")?;
    let n = r.count(12, "lexicon")?;
    let mut lex = Vec::with_capacity(n);
    for _ in 0..n {
        lex.push((r.u64("lexicon")?, r.u32("lexicon")?));
    }
    let n = r.count(9, "gazetteer")?;
    let mut gaz = super::lexicon::HashMap64::default();
    gaz.reserve(n);
    for _ in 0..n {
        let k = r.u64("gazetteer")?;
        gaz.insert(k, r.u8("gazetteer")?);
    }
    let n = r.count(2, "weights")?;
    if n != (1usize << hash_bits) * n_labels {
        bail!(
            "NER model weight table has {n} entries, expected {}",
            (1usize << hash_bits) * n_labels
        );
    }
    let raw = r.take(n * 2, "weights")?;
    let mut weights: Vec<i16> = Vec::with_capacity(n);
    crate::mem::advise_huge_pages(&weights);
    weights.extend(
        raw.chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]])),
    );
    if r.pos != body.len() {
        bail!(
            "NER model has {} unexpected trailing bytes",
            body.len() - r.pos
        );
    }
    Ok(ModelData {
        scheme,
        hash_bits,
        n_labels,
        scale,
        features,
        info,
        lexicon: Lexicon::from_entries(lex),
        gazetteer: Gazetteer::from_entries(gaz),
        weights,
    })
}
