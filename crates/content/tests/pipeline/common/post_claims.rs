//! Checking what a post says about a simulation against the simulation.
//!
//! A [`Claim`] is one number in one post: a fragment of the post's text that
//! states it, the number as written there, a tolerance, and the value the
//! sim gives. [`PostUnderTest::check`] asserts that the fragment is still in
//! the post (so the text and its test cannot drift apart) and that the value
//! is within the tolerance of the stated number, and reports every claim
//! that fails at once, naming the file.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use content::load_post;
use content::SiteConfig;
use page_data::{Block, DemoSpec};
use sim::{
    BreakerScenario, ContentionSweep, DeepSpaceScenario, QueueScenario, RetryScenario,
    StormScenario,
};

/// The project root: the folder holding `posts/` and `site/`.
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The slugs of every post in `posts/`.
pub fn post_slugs() -> Vec<String> {
    let dir = project_root().join("posts");
    let mut slugs: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            if path.is_dir() {
                path.join("index.md")
                    .is_file()
                    .then(|| path.file_name()?.to_str().map(str::to_string))?
            } else if path.extension().is_some_and(|e| e == "md") {
                path.file_stem()?.to_str().map(str::to_string)
            } else {
                None
            }
        })
        .collect();
    slugs.sort();
    slugs
}

/// One number a post states.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Words of the post that state the number, exactly as written (line
    /// breaks and runs of spaces count as one space).
    pub fragment: &'static str,
    /// The number as the fragment writes it (`"16.5"`, `"1,984"`, `"three"`).
    pub stated: &'static str,
    /// How far the sim's value may be from the stated number, in the
    /// stated unit: half the last written digit for a number given exactly,
    /// more for "about".
    pub tolerance: f64,
    /// What the sim gives, in the stated unit.
    pub actual: f64,
}

/// A [`Claim`] in table form: `claim(fragment, stated, tolerance, actual)`.
pub fn claim(fragment: &'static str, stated: &'static str, tolerance: f64, actual: f64) -> Claim {
    Claim {
        fragment,
        stated,
        tolerance,
        actual,
    }
}

/// A post as the content build sees it: its text, and its demo blocks
/// parsed and validated by the same code that builds the site.
pub struct PostUnderTest {
    /// `posts/<slug>.md`, relative to the project root, for messages.
    pub file: String,
    /// The whole source, whitespace collapsed.
    text: String,
    demos: Vec<DemoSpec>,
}

/// A number as a post writes it: digits with thousands commas, or a small
/// number in words ("three").
fn parse_stated(stated: &str) -> Option<f64> {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let lower = stated.to_lowercase();
    WORDS
        .iter()
        .position(|w| *w == lower)
        .map(|n| n as f64)
        .or_else(|| stated.replace(',', "").parse().ok())
}

/// Collapses every run of whitespace to one space.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl PostUnderTest {
    /// Loads `posts/<slug>.md` (or `posts/<slug>/index.md`) through the
    /// content build; a post the build rejects fails here with its message.
    pub fn load(slug: &str) -> Self {
        let root = project_root();
        let site = SiteConfig::load(&root.join("site/site.toml"))
            .unwrap_or_else(|e| panic!("site config: {e}"));
        let flat = root.join("posts").join(format!("{slug}.md"));
        let path = if flat.is_file() {
            flat
        } else {
            root.join("posts").join(slug).join("index.md")
        };
        let post = load_post(&path, &site, &root.join("public")).unwrap_or_else(|errors| {
            let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!(
                "{} does not build:\n{}",
                path.display(),
                messages.join("\n")
            )
        });
        let source = std::fs::read_to_string(&path).expect("read the post");
        let demos = post
            .blocks()
            .iter()
            .filter_map(|b| match b {
                Block::Demo { demo, .. } => Some((**demo).clone()),
                Block::Html { .. } => None,
            })
            .collect();
        let file = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .display()
            .to_string();
        PostUnderTest {
            file,
            text: normalise(&source),
            demos,
        }
    }

    /// Every demo block of the post, in order.
    pub fn demos(&self) -> &[DemoSpec] {
        &self.demos
    }

    /// Whether the text contains `fragment` (whitespace collapsed).
    pub fn says(&self, fragment: &str) -> bool {
        self.text.contains(&normalise(fragment))
    }

    fn only(&self, name: &str) -> &DemoSpec {
        let found: Vec<&DemoSpec> = self.demos.iter().filter(|d| d.name() == name).collect();
        match found.as_slice() {
            [one] => one,
            _ => panic!(
                "{}: expected exactly one `demo {name}` block, found {}",
                self.file,
                found.len()
            ),
        }
    }

    /// The seed and scenario of the post's one `demo retry` block.
    pub fn retry(&self) -> (u64, RetryScenario) {
        match self.only("retry") {
            DemoSpec::Retry { seed, scenario } => (*seed, scenario.clone()),
            other => unreachable!("{other:?}"),
        }
    }

    /// The seed and scenario of the post's one `demo storm` block.
    pub fn storm(&self) -> (u64, StormScenario) {
        match self.only("storm") {
            DemoSpec::Storm { seed, scenario } => (*seed, scenario.clone()),
            other => unreachable!("{other:?}"),
        }
    }

    /// The seeds and scenarios of the post's `demo consensus` blocks, in
    /// order.
    pub fn consensus(&self) -> Vec<(u64, sim::ConsensusScenario)> {
        self.demos
            .iter()
            .filter_map(|d| match d {
                DemoSpec::Consensus { seed, scenario } => Some((*seed, scenario.clone())),
                _ => None,
            })
            .collect()
    }

    /// The seed and scenario of the post's one `demo breaker` block.
    pub fn breaker(&self) -> (u64, BreakerScenario) {
        match self.only("breaker") {
            DemoSpec::Breaker { seed, scenario } => (*seed, scenario.clone()),
            other => unreachable!("{other:?}"),
        }
    }

    /// The seed and sweep of the post's one `demo contention` block.
    pub fn contention(&self) -> (u64, ContentionSweep) {
        match self.only("contention") {
            DemoSpec::Contention { seed, scenario } => (*seed, scenario.clone()),
            other => unreachable!("{other:?}"),
        }
    }

    /// The seed and scenario of the post's one `demo queue` block.
    pub fn queue(&self) -> (u64, QueueScenario) {
        match self.only("queue") {
            DemoSpec::Queue { seed, scenario } => (*seed, scenario.clone()),
            other => unreachable!("{other:?}"),
        }
    }

    /// The seed and scenario of the post's one `demo deep-space` block.
    pub fn deep_space(&self) -> (u64, DeepSpaceScenario) {
        match self.only("deep-space") {
            DemoSpec::DeepSpace { seed, scenario } => (*seed, scenario.clone()),
            other => unreachable!("{other:?}"),
        }
    }

    /// Asserts every claim; panics with all the failures, one per line.
    pub fn check(&self, claims: &[Claim]) {
        assert!(!claims.is_empty(), "{}: no claims to check", self.file);
        let failures: Vec<String> = claims.iter().filter_map(|c| self.failure(c)).collect();
        assert!(
            failures.is_empty(),
            "{}: {} of {} claims about the simulation no longer hold:\n{}",
            self.file,
            failures.len(),
            claims.len(),
            failures.join("\n")
        );
    }

    fn failure(&self, c: &Claim) -> Option<String> {
        let fragment = c.fragment;
        if !self.says(fragment) {
            return Some(format!(
                "  \"{fragment}\": this text is no longer in the post; update the claim with the post"
            ));
        }
        if !fragment.contains(c.stated) {
            return Some(format!(
                "  \"{fragment}\": the stated number `{}` is not in the fragment",
                c.stated
            ));
        }
        let Some(stated) = parse_stated(c.stated) else {
            return Some(format!("  \"{fragment}\": `{}` is not a number", c.stated));
        };
        let off = (c.actual - stated).abs();
        // A hair of slack so that a value exactly half a digit away (the
        // rounding boundary) is not lost to floating point.
        (off > c.tolerance + 1e-9).then(|| {
            format!(
                "  \"{fragment}\": the post states {} (± {}), the sim gives {}",
                c.stated, c.tolerance, c.actual
            )
        })
    }
}
