//! Validation errors for scenario parameters.

use std::fmt;

/// A scenario parameter outside its allowed range. Names the field (as a
/// dotted path, the way an author writes it) and the range it must be in.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioError {
    /// Dotted path of the offending field, e.g. `client.timeout_ms`.
    pub field: &'static str,
    /// The value that was given, as text.
    pub value: String,
    /// The allowed range or set, as text, e.g. `0 to 1`.
    pub allowed: &'static str,
}

impl ScenarioError {
    pub(crate) fn new(
        field: &'static str,
        value: impl fmt::Display,
        allowed: &'static str,
    ) -> Self {
        Self {
            field,
            value: value.to_string(),
            allowed,
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

/// Checks that `value` is finite and within `min..=max`.
pub(crate) fn check_range(
    field: &'static str,
    value: f64,
    min: f64,
    max: f64,
    allowed: &'static str,
) -> Result<(), ScenarioError> {
    if value.is_finite() && value >= min && value <= max {
        Ok(())
    } else {
        Err(ScenarioError::new(field, value, allowed))
    }
}

/// Checks that an integer `value` is within `min..=max`.
pub(crate) fn check_count(
    field: &'static str,
    value: u32,
    min: u32,
    max: u32,
    allowed: &'static str,
) -> Result<(), ScenarioError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(ScenarioError::new(field, value, allowed))
    }
}
