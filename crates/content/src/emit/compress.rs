//! Precompressed copies (`file.br`, `file.gz` beside `file`) for hosts that
//! serve them (nginx `brotli_static`/`gzip_static`, S3 with
//! Content-Encoding, Netlify does its own). Release builds only: brotli at
//! its best setting takes a few seconds on the wasm.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use crate::error::ContentError;

/// Text and wasm: what compresses well. Images are already compressed.
const COMPRESSIBLE: [&str; 9] = [
    "html", "css", "js", "wasm", "json", "svg", "xml", "txt", "csv",
];
/// Below this a compressed copy saves less than a network packet.
const MIN_BYTES: usize = 1024;

fn compressible(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| COMPRESSIBLE.contains(&ext))
}

pub fn brotli_bytes(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 3);
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut input = data;
    // Writing into a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut input, &mut out, &params);
    out
}

pub fn gzip_bytes(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(data.len() / 3),
        flate2::Compression::best(),
    );
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

/// The files trunk put in `out` (everything not in `ours` and not already
/// a compressed copy), site-relative, with their contents.
fn trunk_files(
    out: &Path,
    ours: &BTreeMap<String, Vec<u8>>,
) -> Result<BTreeMap<String, Vec<u8>>, ContentError> {
    let mut found = BTreeMap::new();
    let mut dirs = vec![out.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| ContentError::new(&dir, 0, format!("cannot read: {e}")))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let Ok(rel) = path.strip_prefix(out) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            if ours.contains_key(&rel) || !compressible(&rel) {
                continue;
            }
            let bytes = std::fs::read(&path)
                .map_err(|e| ContentError::new(&path, 0, format!("cannot read: {e}")))?;
            found.insert(rel, bytes);
        }
    }
    Ok(found)
}

/// The `.br` and `.gz` copies of every compressible file of the site:
/// `ours` (in memory) and trunk's (on disk in `out`).
pub fn compressed_copies(
    out: &Path,
    ours: &BTreeMap<String, Vec<u8>>,
) -> Result<BTreeMap<String, Vec<u8>>, ContentError> {
    let theirs = trunk_files(out, ours)?;
    let mut copies = BTreeMap::new();
    for (path, bytes) in ours.iter().chain(theirs.iter()) {
        if !compressible(path) || bytes.len() < MIN_BYTES {
            continue;
        }
        copies.insert(format!("{path}.br"), brotli_bytes(bytes));
        copies.insert(format!("{path}.gz"), gzip_bytes(bytes));
    }
    Ok(copies)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn copies_decompress_to_the_original() {
        let text = "retry until success ".repeat(200).into_bytes();
        let mut unbrotli = Vec::new();
        brotli::BrotliDecompress(&mut brotli_bytes(&text).as_slice(), &mut unbrotli).unwrap();
        assert_eq!(unbrotli, text);
        let mut ungzip = Vec::new();
        flate2::read::GzDecoder::new(gzip_bytes(&text).as_slice())
            .read_to_end(&mut ungzip)
            .unwrap();
        assert_eq!(ungzip, text);
    }

    #[test]
    fn only_text_and_wasm_above_a_packet_are_compressed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("app-0123456789abcdef_bg.wasm"),
            vec![0u8; 4096],
        )
        .unwrap();
        std::fs::write(dir.path().join("photo.png"), vec![0u8; 4096]).unwrap();
        let mut ours = BTreeMap::new();
        ours.insert("index.html".to_string(), vec![b'a'; 2048]);
        ours.insert("tiny.json".to_string(), b"{}".to_vec());
        let copies = compressed_copies(dir.path(), &ours).unwrap();
        let names: Vec<_> = copies.keys().cloned().collect();
        assert_eq!(
            names,
            [
                "app-0123456789abcdef_bg.wasm.br",
                "app-0123456789abcdef_bg.wasm.gz",
                "index.html.br",
                "index.html.gz"
            ]
        );
    }
}
