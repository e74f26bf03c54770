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

/// Lines of one text, for many lookups: `line_of` without counting from
/// the start every time (a 5 MB post has a million events).
pub struct LineIndex {
    /// Offset of every `\n`.
    newlines: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        LineIndex {
            newlines: text
                .bytes()
                .enumerate()
                .filter_map(|(i, b)| (b == b'\n').then_some(i))
                .collect(),
        }
    }

    /// 1-based line of the byte `offset`, as `line_of`.
    pub fn line(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&n| n < offset) + 1
    }
}

/// 1-based line of the first line that assigns `key` (`key = ...`), at
/// the start of the line or inside an inline table (`{ a = 1, key = 2 }`).
pub fn line_of_key(text: &str, key: &str) -> Option<usize> {
    let assigns = |line: &str| {
        line.match_indices(key).any(|(at, _)| {
            let before = line[..at].chars().next_back();
            let starts_word = before.is_none_or(|c| c == '{' || c == ',' || c.is_whitespace());
            starts_word && line[at + key.len()..].trim_start().starts_with('=')
        })
    };
    text.lines().position(assigns).map(|i| i + 1)
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
    fn the_index_agrees_with_line_of() {
        let t = "a\nbc\n\nd\n";
        let index = LineIndex::new(t);
        for offset in 0..t.len() + 3 {
            assert_eq!(index.line(offset), line_of(t, offset), "{offset}");
        }
    }

    #[test]
    fn finds_key_lines() {
        let t = "title = \"x\"\n  area = \"y\"\nareas = 1\n";
        assert_eq!(line_of_key(t, "area"), Some(2));
        assert_eq!(line_of_key(t, "kind"), None);
        let inline = "a = 1\nw = [{ start_ms = 9, end_ms = 1 }]\n";
        assert_eq!(line_of_key(inline, "end_ms"), Some(2));
        assert_eq!(line_of_key("my_end_ms = 1\n", "end_ms"), None);
    }
}
