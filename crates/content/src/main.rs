//! `build-content`: renders posts into the site folder trunk is building.
//!
//! Run by Trunk.toml's post_build hook (reads TRUNK_STAGING_DIR and
//! TRUNK_PROFILE), or by hand: `build-content --out dist [--drafts]`.

use std::path::PathBuf;
use std::process::ExitCode;

use content::search_bundle::build_search_bundle;
use content::{build_site, BuildOptions};

const USAGE: &str =
    "usage: build-content [--root DIR] [--out DIR] [--drafts] [--base-url URL] [--compress]\n\
  --root DIR       project root with posts/ and site/ (default: current folder)\n\
  --out DIR        folder holding trunk's index.html (default: $TRUNK_STAGING_DIR)\n\
  --drafts         publish draft posts (default under `trunk serve`)\n\
  --base-url URL   publish at URL instead of site.toml's base_url (default: $SITE_BASE_URL)\n\
  --compress       write .br and .gz copies (default in a release build)";

fn parse_args() -> Result<BuildOptions, String> {
    let mut root = PathBuf::from(".");
    let mut out = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from);
    // Drafts show while writing (trunk serve, a debug build), never in release.
    let mut include_drafts = std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "debug");
    let mut compress = std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    let mut base_url = std::env::var("SITE_BASE_URL")
        .ok()
        .filter(|u| !u.is_empty());
    let public_url = std::env::var("TRUNK_PUBLIC_URL")
        .ok()
        .filter(|u| !u.is_empty());
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--root" => root = args.next().ok_or("--root needs a folder")?.into(),
            "--out" => out = Some(args.next().ok_or("--out needs a folder")?.into()),
            "--drafts" => include_drafts = true,
            "--compress" => compress = true,
            "--base-url" => base_url = Some(args.next().ok_or("--base-url needs a URL")?),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let out = out.ok_or("no output folder: pass --out or run from a trunk hook")?;
    Ok(BuildOptions {
        root,
        out,
        include_drafts,
        base_url,
        public_url,
        compress,
    })
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("build-content: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match build_site(&options) {
        Ok(report) => {
            eprintln!(
                "build-content: {} posts ({} drafts skipped), {} files written to {}",
                report.posts,
                report.drafts_skipped,
                report.files.len(),
                options.out.display()
            );
            match build_search_bundle(&options.out) {
                Ok(summary) => {
                    eprintln!("build-content: search index (Pagefind): {summary}");
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("build-content: {message}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(errors) => {
            eprint!("{errors}");
            eprintln!(
                "build-content: {} error(s); nothing was written",
                errors.0.len()
            );
            ExitCode::FAILURE
        }
    }
}
