//! Python bindings of `gep-core` (`import gep`): JSON in, JSON out.
//!
//! Every function converts strings and calls [`gep_core::ffi`]; no rule is
//! written here.

#![deny(missing_docs)]

use gep_core::ffi;
use pyo3::prelude::*;

/// Loads a document; returns the JSON answer.
#[pyfunction]
fn load_document(document: &str) -> String {
    ffi::load(document).to_json()
}

/// Starts a GEP from a `propose` command; returns the JSON answer.
#[pyfunction]
fn start_gep(gep_id: &str, command: &str) -> String {
    ffi::start(gep_id, command).to_json()
}

/// Applies a command to a document; returns the JSON answer.
#[pyfunction]
fn apply_command(document: &str, command: &str) -> String {
    ffi::apply(document, command).to_json()
}

/// The rules catalogue, as JSON.
#[pyfunction]
fn rules() -> String {
    serde_json::to_string(&ffi::rules()).unwrap_or_default()
}

/// The `gep` module.
#[pymodule]
fn gep(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(load_document, m)?)?;
    m.add_function(wrap_pyfunction!(start_gep, m)?)?;
    m.add_function(wrap_pyfunction!(apply_command, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    Ok(())
}
