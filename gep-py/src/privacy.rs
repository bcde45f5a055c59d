//! The privacy operations beyond the lifecycle: the anonymisation scanner
//! (DE08, PR02) and redaction, with spans in code points (what Python
//! strings index). Each converts its arguments, calls `gep_core::privacy`
//! (the same calls as `gep_core::ffi::scan` and `ffi::redact`) and converts
//! the answer.
//!
//! Adding an operation of the core (here or in a module of its own, as
//! [`crate::planner`]): a `#[pyfunction]` or method that converts its
//! arguments, calls the core and converts the answer, a line in the
//! module's `register`, and its declaration in `python/gep/_gep.pyi` and
//! `python/gep/__init__.py` (stubtest fails until they agree).

use gep_core::Severity;
use gep_core::privacy::{self, Finding, Placeholders, Redactor, RosterEntry};
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::PyString;

use crate::convert;
use crate::errors;
use crate::gep::PyGep;
use crate::spans;

/// Something the scanner found in a text; `start` and `end` count code
/// points, so `text[f.start:f.end] == f.text`.
#[pyclass(frozen, module = "gep", name = "Finding")]
pub struct PyFinding {
    finding: Finding,
}

#[pymethods]
impl PyFinding {
    /// `"name"`, `"email"`, `"phone"`, `"organisation"` or `"best_practice"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.finding.kind.as_str()
    }

    /// `"error"` (refuses the report) or `"warning"`.
    #[getter]
    fn severity(&self) -> &'static str {
        match self.finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The rule: `"PR02"` for best-practice framing, `"DE08"` otherwise.
    #[getter]
    fn code(&self) -> &'static str {
        self.finding.code().as_str()
    }

    /// Where it starts, in code points.
    #[getter]
    fn start(&self) -> usize {
        self.finding.start
    }

    /// Where it ends (exclusive), in code points.
    #[getter]
    fn end(&self) -> usize {
        self.finding.end
    }

    /// The text matched, exactly as written.
    #[getter]
    fn text(&self) -> &str {
        &self.finding.text
    }

    /// The id of the person it points to, if any.
    #[getter]
    fn person(&self) -> Option<String> {
        self.finding.person.map(|p| p.to_string())
    }

    /// The wire form (spans in code points).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialise_to_py(py, &self.finding)
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<PyFinding>() else {
            return Ok(py.NotImplemented());
        };
        let equal = self.finding == other.get().finding;
        match op {
            CompareOp::Eq => Ok(equal.into_pyobject(py)?.to_owned().into_any().unbind()),
            CompareOp::Ne => Ok((!equal).into_pyobject(py)?.to_owned().into_any().unbind()),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = PyString::new(py, &self.finding.text).repr()?;
        Ok(format!(
            "Finding(kind='{}', severity='{}', start={}, end={}, text={text})",
            self.finding.kind.as_str(),
            self.severity(),
            self.finding.start,
            self.finding.end,
        ))
    }
}

/// A text to scan or redact: Unicode (IN01 for lone surrogates) and no
/// larger than a document may be (IN09), as `gep_core::ffi::scan` checks.
fn text_arg(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<String> {
    let malformed = |v| errors::malformed(py, gep_core::Violations(vec![v]));
    let text = convert::text(text, &[]).map_err(malformed)?;
    gep_core::limits::check_input_size("text", text.len()).map_err(malformed)?;
    Ok(text)
}

/// The findings with spans in code points.
fn findings_to_py(text: &str, mut findings: Vec<Finding>) -> Vec<PyFinding> {
    let mut offsets: Vec<&mut usize> = findings.iter_mut().flat_map(|f| [&mut f.start, &mut f.end]).collect();
    spans::to_code_points(text, &mut offsets);
    findings.into_iter().map(|finding| PyFinding { finding }).collect()
}

/// The anonymisation scanner for one roster: build it once, scan many
/// texts.
#[pyclass(frozen, module = "gep", name = "Scanner")]
pub struct PyScanner {
    scanner: privacy::Scanner,
}

#[pymethods]
impl PyScanner {
    /// A scanner for a roster: a `Gep` (its people), or a list of people
    /// (`id`, `given_name`, `family_name`, optionally `email`, `phone`,
    /// `organisation`; other keys are ignored).
    #[new]
    #[pyo3(signature = (roster, /))]
    fn py_new(py: Python<'_>, roster: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(g) = roster.cast::<PyGep>() {
            let scanner = privacy::Scanner::from_people(g.get().lock().people());
            return Ok(PyScanner { scanner });
        }
        let people: Vec<RosterEntry> = convert::from_py(py, roster)?;
        let scanner = errors::guard(py, || privacy::Scanner::new(&people))?;
        Ok(PyScanner { scanner })
    }

    /// Every finding in `text` (DE08), in text order, never overlapping.
    #[pyo3(signature = (text, /))]
    fn scan(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<PyFinding>> {
        let text = text_arg(py, text)?;
        let findings = py
            .detach(|| errors::guard_detached(|| self.scanner.scan(&text)))
            .map_err(|what| errors::internal(py, &what))?;
        Ok(findings_to_py(&text, findings))
    }

    /// The text anonymised: every name, e-mail, phone number and
    /// organisation replaced by a placeholder (`[personne A]`, one letter
    /// per person, `[courriel]`, `[téléphone]`, `[organisation]`, or those
    /// given: `{"person": "[P{}]", …}`, every key optional).
    #[pyo3(signature = (text, /, placeholders = None))]
    fn redact(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        placeholders: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let placeholders: Placeholders = match placeholders.filter(|p| !p.is_none()) {
            Some(p) => convert::from_py(py, p)?,
            None => Placeholders::default(),
        };
        let text = text_arg(py, text)?;
        py.detach(|| errors::guard_detached(|| Redactor::new(&self.scanner, placeholders).try_redact(&text)))
            .map_err(|what| errors::internal(py, &what))?
            .map_err(|v| errors::malformed(py, gep_core::Violations(vec![v])))
    }
}

/// `gep.scan(text, roster)`: as `Scanner(roster).scan(text)`.
#[pyfunction]
#[pyo3(signature = (text, roster, /))]
fn scan(py: Python<'_>, text: &Bound<'_, PyString>, roster: &Bound<'_, PyAny>) -> PyResult<Vec<PyFinding>> {
    PyScanner::py_new(py, roster)?.scan(py, text)
}

/// `gep.redact(text, roster, placeholders=None)`: as
/// `Scanner(roster).redact(text, placeholders)`.
#[pyfunction]
#[pyo3(signature = (text, roster, /, placeholders = None))]
fn redact(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    roster: &Bound<'_, PyAny>,
    placeholders: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    PyScanner::py_new(py, roster)?.redact(py, text, placeholders)
}

/// `gep.best_practices(text)`: where a text frames its content as best
/// practices (PR02 warnings).
#[pyfunction]
#[pyo3(signature = (text, /))]
fn best_practices(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<PyFinding>> {
    let text = text_arg(py, text)?;
    let findings = errors::guard(py, || privacy::best_practices(&text))?;
    Ok(findings_to_py(&text, findings))
}

/// Adds the operations to the native module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyFinding>()?;
    m.add_class::<PyScanner>()?;
    m.add_function(wrap_pyfunction!(scan, m)?)?;
    m.add_function(wrap_pyfunction!(redact, m)?)?;
    m.add_function(wrap_pyfunction!(best_practices, m)?)?;
    Ok(())
}
