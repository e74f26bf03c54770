//! Stage 4: writing the files (only after everything rendered), their
//! compressed copies, the host's files, and the search index.

pub(crate) mod compress;
pub(crate) mod output;
pub(crate) mod publishing;
pub(crate) mod search_bundle;
