//! Byte offsets to line numbers.

/// 1-based line of the byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// 1-based line of the first line that assigns `key` (`key = ...`), if any.
pub fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let t = line.trim_start();
            t.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_based() {
        let t = "a\nbc\nd";
        assert_eq!(line_of(t, 0), 1);
        assert_eq!(line_of(t, 2), 2);
        assert_eq!(line_of(t, 5), 3);
        assert_eq!(line_of(t, 999), 3);
    }

    #[test]
    fn finds_key_lines() {
        let t = "title = \"x\"\n  area = \"y\"\nareas = 1\n";
        assert_eq!(line_of_key(t, "area"), Some(2));
        assert_eq!(line_of_key(t, "kind"), None);
    }
}
