//! Violations as Python values, and the exceptions that carry them.
//!
//! The exception classes are written in Python (`gep/_errors.py`) so that
//! `CharterViolation` can be both a `GepError` and a `ValueError`; this
//! module raises them. Which one is the core's answer: every error an input
//! code (`IN…`) → `MalformedInput` (the call could not run), otherwise
//! `CharterViolation` (it ran, and the charter or the lifecycle refused).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use gep_core::{Code, Path, PathSegment, Severity, Violation, Violations};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyInt, PyList, PyString, PyTuple, PyType};

/// One broken rule: a stable code, a severity, a path into the input, a
/// message in French and in English, and context values.
#[pyclass(frozen, module = "gep", name = "Violation")]
pub struct PyViolation {
    inner: Violation,
}

impl PyViolation {
    /// Wraps a core violation.
    pub fn new(inner: Violation) -> Self {
        PyViolation { inner }
    }
}

/// A path as a tuple of keys (`str`) and indices (`int`).
pub fn path_to_py<'py>(py: Python<'py>, path: &Path) -> PyResult<Bound<'py, PyTuple>> {
    let items = path.segments().iter().map(|s| match s {
        PathSegment::Index(i) => PyInt::new(py, *i).into_any(),
        PathSegment::Key(k) => PyString::new(py, k).into_any(),
    });
    PyTuple::new(py, items)
}

fn path_from_py(path: &Bound<'_, PyAny>) -> PyResult<Path> {
    let mut segments = Vec::new();
    for item in path.try_iter()? {
        let item = item?;
        if let Ok(k) = item.extract::<String>() {
            segments.push(PathSegment::Key(k));
        } else if let Ok(i) = item.extract::<usize>() {
            segments.push(PathSegment::Index(i));
        } else {
            return Err(PyTypeError::new_err(
                "a path holds str keys and non-negative int indices",
            ));
        }
    }
    Ok(Path(segments))
}

fn severity_str(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[pymethods]
impl PyViolation {
    #[new]
    #[pyo3(signature = (code, severity, path, message_fr, message_en, context = None))]
    fn py_new(
        code: &str,
        severity: &str,
        path: &Bound<'_, PyAny>,
        message_fr: String,
        message_en: String,
        context: Option<std::collections::BTreeMap<String, String>>,
    ) -> PyResult<Self> {
        let code: Code = code.parse().map_err(|e| PyValueError::new_err(format!("{e}")))?;
        let path = path_from_py(path)?;
        let mut v = match severity {
            "error" => Violation::error(code, path, message_fr, message_en),
            "warning" => Violation::warning(code, path, message_fr, message_en),
            other => {
                return Err(PyValueError::new_err(format!(
                    "severity is `error` or `warning`, not `{other}`"
                )));
            }
        };
        v.context = context.unwrap_or_default();
        Ok(PyViolation { inner: v })
    }

    /// The stable code, e.g. `"OR05"`.
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code.as_str()
    }

    /// `"error"` (refuses) or `"warning"` (kept).
    #[getter]
    fn severity(&self) -> &'static str {
        severity_str(self.inner.severity)
    }

    /// Where in the input: keys and indices.
    #[getter]
    fn path<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        path_to_py(py, &self.inner.path)
    }

    /// The message in French.
    #[getter]
    fn message_fr(&self) -> &str {
        &self.inner.message_fr
    }

    /// The message in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.inner.message_en
    }

    /// Values the messages mention.
    #[getter]
    fn context<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (k, v) in &self.inner.context {
            dict.set_item(k, v)?;
        }
        Ok(dict)
    }

    /// Whether this violation refuses the command.
    #[getter]
    fn is_error(&self) -> bool {
        self.inner.is_error()
    }

    /// The wire form, as in `schemas/violation.schema.json` (the path as a
    /// list).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::serialise_to_py(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let path = path_to_py(py, &self.inner.path)?.repr()?;
        let en = PyString::new(py, &self.inner.message_en).repr()?;
        Ok(format!(
            "Violation(code='{}', severity='{}', path={path}, message_en={en})",
            self.inner.code.as_str(),
            severity_str(self.inner.severity),
        ))
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<PyViolation>() else {
            return Ok(py.NotImplemented());
        };
        let equal = self.inner == other.get().inner;
        match op {
            CompareOp::Eq => Ok(equal.into_pyobject(py)?.to_owned().into_any().unbind()),
            CompareOp::Ne => Ok((!equal).into_pyobject(py)?.to_owned().into_any().unbind()),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        let v = &self.inner;
        (v.code, v.severity, &v.path, &v.message_fr, &v.message_en, &v.context).hash(&mut h);
        h.finish()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let v = &slf.get().inner;
        let args = (
            v.code.as_str(),
            severity_str(v.severity),
            path_to_py(py, &v.path)?,
            v.message_fr.clone(),
            v.message_en.clone(),
            v.context.clone(),
        )
            .into_pyobject(py)?;
        Ok((slf.get_type(), args))
    }
}

/// The violations as a Python list.
pub fn violations_to_py<'py>(py: Python<'py>, vs: &[Violation]) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, vs.iter().cloned().map(PyViolation::new))
}

static CHARTER_VIOLATION: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static MALFORMED_INPUT: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static GEP_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn class<'py>(py: Python<'py>, cell: &'static PyOnceLock<Py<PyType>>, name: &str) -> PyResult<&'py Bound<'py, PyType>> {
    cell.import(py, "gep._errors", name)
}

fn summary(vs: &[Violation]) -> String {
    let mut errors = vs.iter().filter(|v| v.is_error());
    match errors.next() {
        None => "refused".to_owned(),
        Some(first) => {
            let more = errors.count();
            if more == 0 {
                first.to_string()
            } else {
                format!("{first} (and {more} more)")
            }
        }
    }
}

fn raise(py: Python<'_>, cell: &'static PyOnceLock<Py<PyType>>, name: &str, vs: Violations) -> PyErr {
    let message = summary(vs.as_slice());
    let made = class(py, cell, name).and_then(|cls| {
        let list = violations_to_py(py, vs.as_slice())?;
        cls.call1((message.clone(), list))
    });
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// `gep.MalformedInput`: the input could not be read (IN codes).
pub fn malformed(py: Python<'_>, vs: Violations) -> PyErr {
    raise(py, &MALFORMED_INPUT, "MalformedInput", vs)
}

/// `gep.CharterViolation`: the charter or the lifecycle refused.
pub fn refused(py: Python<'_>, vs: Violations) -> PyErr {
    raise(py, &CHARTER_VIOLATION, "CharterViolation", vs)
}

/// The exception for the core's violations: `MalformedInput` when every
/// error is an input code, `CharterViolation` otherwise (as `gep_core::ffi`
/// tells `failure` from `refused`).
pub fn from_violations(py: Python<'_>, vs: Violations) -> PyErr {
    let input = vs.errors().all(|v| v.code.is_input());
    if input { malformed(py, vs) } else { refused(py, vs) }
}

/// `gep.GepError` for a bug: a panic caught at the boundary.
pub fn internal(py: Python<'_>, what: &str) -> PyErr {
    let made = class(py, &GEP_ERROR, "GepError")
        .and_then(|cls| cls.call1((format!("internal error in gep (a bug, please report it): {what}"),)));
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// Runs `f`, turning a panic into `gep.GepError` so that none reaches
/// Python as `PanicException`.
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> T) -> PyResult<T> {
    guard_detached(f).map_err(|what| internal(py, &what))
}

/// Runs `f` without the interpreter, turning a panic into its message.
pub fn guard_detached<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_owned())
    })
}
