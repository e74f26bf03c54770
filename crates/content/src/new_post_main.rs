//! `new-post "A title" [--date YYYY-MM-DD] [--root DIR]`: writes
//! `posts/<slug>.md` as a draft (see `content::new_post`).

use std::path::PathBuf;
use std::process::ExitCode;

use content::write_new_post;
use content::SiteConfig;

const USAGE: &str = "usage: new-post \"A title\" --date YYYY-MM-DD [--root DIR]";

fn run() -> Result<PathBuf, String> {
    let mut title = None;
    let mut date = None;
    let mut root = PathBuf::from(".");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--date" => date = Some(args.next().ok_or("--date needs YYYY-MM-DD")?),
            "--root" => root = args.next().ok_or("--root needs a folder")?.into(),
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if title.is_none() && !arg.starts_with("--") => title = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}\n{USAGE}")),
        }
    }
    let title = title.ok_or(USAGE)?;
    let date = date.ok_or(USAGE)?;
    let site = SiteConfig::load(&root.join("site/site.toml")).map_err(|e| e.to_string())?;
    write_new_post(&root.join("posts"), &site, &title, &date)
}

fn main() -> ExitCode {
    match run() {
        Ok(path) => {
            println!("wrote {} (a draft: scripts/serve shows it)", path.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("new-post: {message}");
            ExitCode::FAILURE
        }
    }
}
