//! Typed validation errors: which field, what value, what is allowed.

use std::fmt;

/// A scenario field outside its documented range.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioError {
    /// Dotted path of the field, as written in a scenario (`client.cap_ms`).
    pub field: String,
    /// The value found, as text.
    pub value: String,
    /// The allowed range, in words (`0 to 1`).
    pub allowed: String,
}

impl ScenarioError {
    pub(crate) fn new(
        field: impl Into<String>,
        value: impl fmt::Display,
        allowed: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            value: value.to_string(),
            allowed: allowed.into(),
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is {}, but must be {}",
            self.field, self.value, self.allowed
        )
    }
}

impl std::error::Error for ScenarioError {}

/// `field` (a finite number) must lie in `min..=max`; `unit` follows the
/// bounds in the message ("ms", "" for none).
pub(crate) fn check_range(
    field: &str,
    value: f64,
    min: f64,
    max: f64,
    unit: &str,
) -> Result<(), ScenarioError> {
    if value.is_finite() && value >= min && value <= max {
        Ok(())
    } else {
        Err(ScenarioError::new(field, value, bounds(min, max, unit)))
    }
}

/// `field` (a count) must lie in `min..=max`.
pub(crate) fn check_count(
    field: &str,
    value: u32,
    min: u32,
    max: u32,
) -> Result<(), ScenarioError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(ScenarioError::new(field, value, bounds(min, max, "")))
    }
}

fn bounds(min: impl fmt::Display, max: impl fmt::Display, unit: &str) -> String {
    if unit.is_empty() {
        format!("{min} to {max}")
    } else {
        format!("{min} to {max} {unit}")
    }
}

/// Joins a field path: `prefix.name`, or `name` at the top.
pub(crate) fn field(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_field_value_and_range() {
        let e = check_range("link.loss", 1.5, 0.0, 1.0, "").unwrap_err();
        assert_eq!(e.to_string(), "`link.loss` is 1.5, but must be 0 to 1");
        let e = check_range("client.cap_ms", f64::NAN, 0.0, 10.0, "ms").unwrap_err();
        assert_eq!(
            e.to_string(),
            "`client.cap_ms` is NaN, but must be 0 to 10 ms"
        );
        assert!(check_count("requests", 0, 1, 5).is_err());
        assert_eq!(field("", "a"), "a");
        assert_eq!(field("x.y", "a"), "x.y.a");
    }
}
