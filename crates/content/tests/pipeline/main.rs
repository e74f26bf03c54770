//! The content pipeline's integration tests, as one test binary.
//!
//! Each file was its own binary once; every one linked the whole build
//! (Leptos, syntect, resvg, merman) again, about 580 MB apiece in a debug
//! build, and a fresh CI machine ran out of disk. One binary links it once.

mod common;

mod build_cache;
mod build_errors;
mod build_site;
mod chart_palette;
mod consensus_post_numbers;
mod every_demo;
mod fuzz_parsers;
mod hostile_posts;
mod post_code;
mod post_numbers;
mod publishing;
