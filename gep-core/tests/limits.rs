//! Size limits get their own code (IN09) before any parsing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use gep_core::{AnyGep, Code, MAX_DOCUMENT_BYTES};

#[test]
fn a_document_past_the_size_limit_is_refused_with_in09() {
    let text = " ".repeat(MAX_DOCUMENT_BYTES + 1);
    let violations = AnyGep::from_json(&text).unwrap_err();
    assert_eq!(violations.codes(), vec![Code::IN09]);
    let violations = AnyGep::from_slice(text.as_bytes()).unwrap_err();
    assert_eq!(violations.codes(), vec![Code::IN09]);
}

#[test]
fn bytes_that_are_not_utf8_get_in01() {
    let violations = AnyGep::from_slice(b"{\"version\":1,\xff}").unwrap_err();
    assert_eq!(violations.codes(), vec![Code::IN01]);
}
