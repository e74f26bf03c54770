//! Reading time: words at 230 a minute, rounded, at least one minute.

/// Words a reader reads in a minute.
pub const WORDS_PER_MINUTE: usize = 230;

/// Whitespace-separated words with at least one letter or digit.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Minutes to read `words`, rounded to the nearest, at least 1.
pub fn reading_minutes(words: usize) -> u32 {
    let minutes = (words + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE;
    u32::try_from(minutes.max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_not_punctuation() {
        assert_eq!(count_words("A retry -- is a bet, p99 \u{2014} ok."), 7);
    }

    #[test]
    fn at_least_a_minute_then_rounded() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(100), 1);
        assert_eq!(reading_minutes(344), 1);
        assert_eq!(reading_minutes(345), 2);
        assert_eq!(reading_minutes(2300), 10);
    }
}
