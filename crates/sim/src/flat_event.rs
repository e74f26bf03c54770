//! Reading the sim's flat events in one pass.
//!
//! An event is written as its time beside its kind's fields,
//! `{"at": 5, "type": "sent", "request": 1, "attempt": 2}` (serde's
//! `flatten` of an internally tagged enum): the form of the JSON exports,
//! the CLI's event lines and the runs the page receives from its worker.
//! serde's derived reader for that form buffers every event twice (the
//! flattened map, then the tagged enum), and decoding a run of 20,000
//! events on the page's main thread took 50-116 ms (PERFORMANCE.md). So
//! each event type reads into a plain struct of optional fields instead
//! (`#[serde(try_from = ...)]`: one pass, no buffer; natively 1.6 times
//! faster on a real retry trace, 3 times on a synthetic one) and builds its
//! kind from the tag. What is written is unchanged,
//! and each type's tests read every kind back both ways.

/// A field the event's kind needs, or serde's message for its absence.
pub(crate) fn field<T>(value: Option<T>, name: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{name}`"))
}

/// Checks that each event reads back as itself from JSON,
/// and as serde's derived reader of the flat form (`Reference`) reads it.
#[cfg(test)]
pub(crate) fn assert_reads_back<T, Reference>(events: &[T])
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    Reference: serde::de::DeserializeOwned + Into<T>,
{
    for event in events {
        let json = serde_json::to_string(event).expect("writes");
        let read: T = serde_json::from_str(&json).expect("reads");
        assert_eq!(&read, event, "{json}");
        let reference: T = serde_json::from_str::<Reference>(&json)
            .expect("the derived reader reads it")
            .into();
        assert_eq!(&reference, event, "{json}");
    }
}

/// Declares `Reference`: serde's derived reader of `$event`'s flat form
/// (its time beside its `$kind`, flattened), to compare the one-pass reader
/// with.
#[cfg(test)]
macro_rules! flat_reference {
    ($event:ident, $kind:ty) => {
        /// serde's derived reader of the flat form, to compare with.
        #[derive(serde::Deserialize)]
        struct Reference {
            at: crate::time::Micros,
            #[serde(flatten)]
            kind: $kind,
        }

        impl From<Reference> for $event {
            fn from(r: Reference) -> Self {
                $event {
                    at: r.at,
                    kind: r.kind,
                }
            }
        }
    };
}
#[cfg(test)]
pub(crate) use flat_reference;
