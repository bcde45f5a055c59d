//! Python bindings of `gep-core`: the native module `gep._gep`, re-exported
//! by the pure-Python package `gep` (`python/gep/`).
//!
//! This crate converts types and errors and nothing else: every rule is in
//! `gep-core`. Modules: [`convert`] (Python values ↔ the JSON wire form,
//! datetimes), [`errors`] (violations and exceptions), [`gep`] (the `Gep`
//! class and the lifecycle), [`rules`] (the catalogue), [`spans`] (UTF-8
//! byte offsets → code points), [`privacy`] (the anonymisation scanner
//! and redaction), [`planner`] (table plans).

#![deny(missing_docs)]

pub mod convert;
pub mod errors;
pub mod gep;
pub mod planner;
pub mod privacy;
pub mod rules;
pub mod spans;

use pyo3::prelude::*;

/// The native module, `gep._gep`.
#[pymodule(name = "_gep")]
fn gep_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<gep::PyGep>()?;
    m.add_class::<gep::PyLogEntry>()?;
    m.add_class::<errors::PyViolation>()?;
    m.add_class::<rules::PyRule>()?;
    m.add_function(wrap_pyfunction!(gep::py_start, m)?)?;
    m.add_function(wrap_pyfunction!(gep::py_propose, m)?)?;
    m.add_function(wrap_pyfunction!(gep::py_loads, m)?)?;
    m.add_function(wrap_pyfunction!(rules::rules, m)?)?;
    m.add("RULE_CODES", rules::codes(m.py())?)?;
    m.add("FORMAT_VERSION", gep_core::FORMAT_VERSION)?;
    m.add("MAX_DOCUMENT_BYTES", gep_core::MAX_DOCUMENT_BYTES)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    privacy::register(m)?;
    planner::register(m)?;
    Ok(())
}
