//! `build-content`: renders posts into the site folder trunk is building.
//!
//! Run by Trunk.toml's post_build hook (reads TRUNK_STAGING_DIR and
//! TRUNK_PROFILE), or by hand: `build-content --out dist [--drafts]`.

use std::path::PathBuf;
use std::process::ExitCode;

use content::build_search_bundle;
use content::{build_site_with, BuildCache, BuildOptions};
use std::io::Write;

const USAGE: &str =
    "usage: build-content [--root DIR] [--out DIR] [--drafts] [--base-url URL] [--compress]\n\
  --root DIR       project root with posts/ and site/ (default: current folder)\n\
  --out DIR        folder holding trunk's index.html (default: $TRUNK_STAGING_DIR)\n\
  --drafts         publish draft posts (default under `trunk serve`)\n\
  --base-url URL   publish at URL instead of site.toml's base_url (default: $SITE_BASE_URL)\n\
  --compress       write .br and .gz copies (default in a release build)\n\
  --shell FILE     trunk's app shell (default: OUT/index.html)\n\
  --watch-stdin    build again for each line read from stdin, keeping unchanged posts\n\
                   in memory; prints `built <ms>` or `failed <ms>` after each build\n\
                   (the dev server's mode: scripts/serve)";

fn parse_args() -> Result<(BuildOptions, bool), String> {
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
    let mut watch = false;
    let mut shell = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--root" => root = args.next().ok_or("--root needs a folder")?.into(),
            "--out" => out = Some(args.next().ok_or("--out needs a folder")?.into()),
            "--drafts" => include_drafts = true,
            "--compress" => compress = true,
            "--watch-stdin" => watch = true,
            "--shell" => shell = Some(args.next().ok_or("--shell needs a file")?.into()),
            "--base-url" => base_url = Some(args.next().ok_or("--base-url needs a URL")?),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let out = out.ok_or("no output folder: pass --out or run from a trunk hook")?;
    Ok((
        BuildOptions {
            root,
            out,
            include_drafts,
            base_url,
            public_url,
            compress,
            shell,
        },
        watch,
    ))
}

fn main() -> ExitCode {
    // Under `scripts/serve` trunk's hook leaves the content to the dev
    // server's own long-running build (`--watch-stdin`).
    if std::env::var("SITE_CONTENT_HOOK").is_ok_and(|v| v == "skip") {
        eprintln!(
            "build-content: skipped (SITE_CONTENT_HOOK=skip: the dev server builds the content)"
        );
        return ExitCode::SUCCESS;
    }
    let (options, watch) = match parse_args() {
        Ok(o) => o,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("build-content: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if watch {
        return watch_stdin(&options);
    }
    if build_once(&options, &mut BuildCache::default()) && index_for_search(&options) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// One build, its report on stderr; whether it succeeded.
fn build_once(options: &BuildOptions, cache: &mut BuildCache) -> bool {
    match build_site_with(options, cache) {
        Ok(report) => {
            eprintln!(
                "build-content: {} posts ({} drafts skipped), {} files written to {}",
                report.posts,
                report.drafts_skipped,
                report.files.len(),
                options.out.display()
            );
            true
        }
        Err(errors) => {
            eprint!("{errors}");
            eprintln!(
                "build-content: {} error(s); nothing was written",
                errors.0.len()
            );
            false
        }
    }
}

/// Pagefind over the pages just written; whether it succeeded.
fn index_for_search(options: &BuildOptions) -> bool {
    match build_search_bundle(&options.out) {
        Ok(summary) => {
            eprintln!("build-content: search index (Pagefind): {summary}");
            true
        }
        Err(message) => {
            eprintln!("build-content: {message}");
            false
        }
    }
}

/// The dev server's mode (`scripts/serve`): builds, then builds again for
/// every line read from stdin, keeping rendered posts and preview cards in
/// memory (`BuildCache`), so a saved post costs only its own render. A line
/// `all` (site.toml, about, focus or an image changed) forgets them first.
/// After each build it prints one line on stdout, `built <ms>` or
/// `failed <ms>`, for the server to reload the browser on, and only then
/// rebuilds the search index, which the page being read does not need.
fn watch_stdin(options: &BuildOptions) -> ExitCode {
    let mut cache = BuildCache::default();
    let mut out = std::io::stdout();
    let mut line = String::new();
    loop {
        let started = std::time::Instant::now();
        let ok = build_once(options, &mut cache);
        let ms = started.elapsed().as_millis();
        let answer = if ok { "built" } else { "failed" };
        if writeln!(out, "{answer} {ms}")
            .and_then(|_| out.flush())
            .is_err()
        {
            return ExitCode::SUCCESS;
        }
        if ok {
            index_for_search(options);
        }
        line.clear();
        match std::io::stdin().read_line(&mut line) {
            Ok(0) | Err(_) => return ExitCode::SUCCESS,
            Ok(_) if line.trim() == "all" => cache.clear(),
            Ok(_) => {}
        }
    }
}
