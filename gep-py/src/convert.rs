//! Type conversion between Python values and the core's JSON wire form.
//!
//! Python → JSON: dicts, lists, tuples, `str`, `int`, `float`, `bool`,
//! `None`, aware `datetime` (RFC 3339 with its offset) and `uuid.UUID`.
//! Anything else, and a naive `datetime`, is an input violation with the
//! path where it was found, so that it reads like the core's own (IN04,
//! IN05). JSON → Python: the plain `json.loads` shapes, and timestamps as
//! aware `datetime` where the binding knows a value is one.

use std::borrow::Cow;

use chrono::{Datelike, Timelike};
use gep_core::{Code, Path, PathSegment, Timestamp, Violation, Violations};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyMemoryView, PyString, PyTuple, PyType,
};
use serde_json::{Map, Number, Value};

/// As deep as serde_json reads: deeper input is refused rather than
/// overflowing the stack (a list that contains itself, for one).
const MAX_DEPTH: usize = 128;

struct PyTypes {
    datetime: Py<PyType>,
    uuid: Py<PyType>,
    timezone: Py<PyType>,
    timedelta: Py<PyType>,
    utc: Py<PyAny>,
}

static TYPES: PyOnceLock<PyTypes> = PyOnceLock::new();

fn types(py: Python<'_>) -> PyResult<&PyTypes> {
    TYPES.get_or_try_init(py, || {
        let datetime = py.import("datetime")?;
        let uuid = py.import("uuid")?;
        let timezone = datetime.getattr("timezone")?;
        Ok(PyTypes {
            datetime: datetime.getattr("datetime")?.cast_into::<PyType>()?.unbind(),
            uuid: uuid.getattr("UUID")?.cast_into::<PyType>()?.unbind(),
            utc: timezone.getattr("utc")?.unbind(),
            timezone: timezone.cast_into::<PyType>()?.unbind(),
            timedelta: datetime.getattr("timedelta")?.cast_into::<PyType>()?.unbind(),
        })
    })
}

/// An input violation found while converting.
pub fn input_error(code: Code, path: &[PathSegment], fr: String, en: String) -> Violation {
    Violation::error(code, Path(path.to_vec()), fr, en)
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .qualname()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned())
}

/// A Python `str` as Rust text; lone surrogates are not UTF-8 (IN01).
pub fn text(s: &Bound<'_, PyString>, path: &[PathSegment]) -> Result<String, Violation> {
    match s.to_cow() {
        Ok(Cow::Borrowed(t)) => Ok(t.to_owned()),
        Ok(Cow::Owned(t)) => Ok(t),
        Err(_) => Err(input_error(
            Code::IN01,
            path,
            "le texte contient des caractères hors Unicode (substituts isolés)".to_owned(),
            "the text holds characters that are not Unicode scalar values (lone surrogates)".to_owned(),
        )),
    }
}

/// A document given as `str` or `bytes`: its UTF-8 text, or IN01.
pub enum Source {
    /// Text, already UTF-8.
    Text(String),
    /// Bytes, to be checked by the core.
    Bytes(Vec<u8>),
}

/// Whether [`source`] reads `obj` (rather than its being a value to
/// convert).
pub fn is_source(obj: &Bound<'_, PyAny>) -> bool {
    obj.is_instance_of::<PyString>()
        || obj.is_instance_of::<PyBytes>()
        || obj.is_instance_of::<PyByteArray>()
        || obj.is_instance_of::<PyMemoryView>()
}

/// Reads a `str`, `bytes`, `bytearray` or `memoryview` argument. Nothing
/// else is read as bytes: a sequence's `__len__` could claim any size.
pub fn source(obj: &Bound<'_, PyAny>) -> PyResult<Result<Source, Violation>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(text(s, &[]).map(Source::Text));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Ok(Source::Bytes(b.as_bytes().to_vec())));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Ok(Source::Bytes(b.to_vec())));
    }
    if obj.is_instance_of::<PyMemoryView>() {
        let copy = obj.call_method0("tobytes")?;
        let bytes = copy.cast::<PyBytes>().map_err(PyErr::from)?;
        return Ok(Ok(Source::Bytes(bytes.as_bytes().to_vec())));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "expected str, bytes, bytearray or memoryview, not {}",
        type_name(obj)
    )))
}

/// A `str`, `bytes` or `bytearray` argument as text; bytes that are not
/// UTF-8 are IN01, at the byte where they stop being UTF-8.
pub fn source_text(obj: &Bound<'_, PyAny>, what: (&str, &str)) -> PyResult<Result<String, Violation>> {
    Ok(match source(obj)? {
        Ok(Source::Text(t)) => Ok(t),
        Ok(Source::Bytes(b)) => gep_core::ffi::utf8_text(b, what),
        Err(v) => Err(v),
    })
}

/// An aware `datetime` as RFC 3339; a naive one is IN05.
fn datetime_text(obj: &Bound<'_, PyAny>, path: &[PathSegment]) -> PyResult<Result<String, Violation>> {
    if obj.call_method0("utcoffset")?.is_none() {
        return Ok(Err(input_error(
            Code::IN05,
            path,
            "date et heure sans fuseau horaire : donnez un datetime avec tzinfo \
             (par exemple datetime(2026, 4, 16, 9, 0, tzinfo=ZoneInfo(\"Europe/Paris\")))"
                .to_owned(),
            "naive datetime: give a timezone-aware datetime \
             (for example datetime(2026, 4, 16, 9, 0, tzinfo=ZoneInfo(\"Europe/Paris\")))"
                .to_owned(),
        )
        .with("value", obj.str().map(|s| s.to_string()).unwrap_or_default())));
    }
    let iso = obj.call_method0("isoformat")?;
    let iso = iso.cast::<PyString>()?;
    Ok(text(iso, path))
}

/// Whether `obj` is a `datetime.datetime`.
pub fn is_datetime(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    obj.is_instance(types(obj.py())?.datetime.bind(obj.py()))
}

/// Why a conversion stopped.
pub enum Fault {
    /// An input violation, at its path.
    Input(Violation),
    /// A Python exception raised on the way (by a `utcoffset()`, a
    /// mapping's `items()`).
    Python(PyErr),
}

impl From<PyErr> for Fault {
    fn from(e: PyErr) -> Self {
        Fault::Python(e)
    }
}

impl From<Violation> for Fault {
    fn from(v: Violation) -> Self {
        Fault::Input(v)
    }
}

/// Converts a Python value to JSON, `path` being where it stands.
pub fn to_json(obj: &Bound<'_, PyAny>, path: &mut Vec<PathSegment>) -> Result<Value, Fault> {
    to_json_at(obj, path, 0)
}

fn to_json_at(obj: &Bound<'_, PyAny>, path: &mut Vec<PathSegment>, depth: usize) -> Result<Value, Fault> {
    let py = obj.py();
    if depth > MAX_DEPTH {
        return Err(input_error(
            Code::IN04,
            path,
            format!("structure trop profonde (au plus {MAX_DEPTH} niveaux)"),
            format!("too deeply nested (at most {MAX_DEPTH} levels)"),
        )
        .into());
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(text(s, path)?));
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(n) = obj.extract::<i64>() {
            return Ok(Value::Number(n.into()));
        }
        if let Ok(n) = obj.extract::<u64>() {
            return Ok(Value::Number(n.into()));
        }
        return Err(input_error(
            Code::IN04,
            path,
            "entier hors limites (64 bits)".to_owned(),
            "integer out of range (64 bits)".to_owned(),
        )
        .into());
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value()).map(Value::Number).ok_or_else(|| {
            input_error(
                Code::IN04,
                path,
                "nombre non fini (NaN ou infini)".to_owned(),
                "non-finite number (NaN or infinity)".to_owned(),
            )
            .into()
        });
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        // The pairs first: reading a value may run Python code (a `tzinfo`,
        // a `UUID` subclass's `__str__`) that changes the dict, and a dict
        // that changes while it is iterated cannot be read on.
        let pairs: Vec<_> = d.iter().collect();
        return object(pairs.into_iter(), path, depth);
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return array(l.iter(), l.len(), path, depth);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return array(t.iter(), t.len(), path, depth);
    }
    let types = types(py)?;
    if obj.is_instance(types.datetime.bind(py))? {
        return Ok(Value::String(datetime_text(obj, path)??));
    }
    if obj.is_instance(types.uuid.bind(py))? {
        return Ok(Value::String(text(&obj.str()?, path)?));
    }
    if let Ok(m) = obj.cast::<PyMapping>() {
        let items = m.items()?;
        let mut pairs = Vec::with_capacity(items.len());
        for item in items.iter() {
            let pair = item.cast::<PyTuple>().map_err(PyErr::from)?;
            pairs.push((pair.get_item(0)?, pair.get_item(1)?));
        }
        return object(pairs.into_iter(), path, depth);
    }
    Err(input_error(
        Code::IN04,
        path,
        format!("type non pris en charge : {}", type_name(obj)),
        format!("unsupported type: {}", type_name(obj)),
    )
    .with("type", type_name(obj))
    .into())
}

fn object<'py>(
    items: impl Iterator<Item = (Bound<'py, PyAny>, Bound<'py, PyAny>)>,
    path: &mut Vec<PathSegment>,
    depth: usize,
) -> Result<Value, Fault> {
    let mut map = Map::new();
    for (key, value) in items {
        let Ok(key) = key.cast::<PyString>() else {
            return Err(input_error(
                Code::IN04,
                path,
                format!("clé qui n'est pas une chaîne : {}", type_name(&key)),
                format!("key is not a string: {}", type_name(&key)),
            )
            .into());
        };
        let key = text(key, path)?;
        path.push(PathSegment::Key(key.clone()));
        let value = to_json_at(&value, path, depth + 1)?;
        path.pop();
        map.insert(key, value);
    }
    Ok(Value::Object(map))
}

fn array<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    len: usize,
    path: &mut Vec<PathSegment>,
    depth: usize,
) -> Result<Value, Fault> {
    let mut out = Vec::with_capacity(len);
    for (i, item) in items.enumerate() {
        path.push(PathSegment::Index(i));
        out.push(to_json_at(&item, path, depth + 1)?);
        path.pop();
    }
    Ok(Value::Array(out))
}

/// Reads a Python value as a core type through its JSON form, so that its
/// errors are the core's input codes with their paths.
pub fn from_py<T: serde::de::DeserializeOwned>(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<T> {
    let json = match to_json(value, &mut Vec::new()) {
        Ok(json) => json.to_string(),
        Err(Fault::Input(v)) => return Err(crate::errors::malformed(py, Violations(vec![v]))),
        Err(Fault::Python(e)) => return Err(e),
    };
    gep_core::document::parse::<T>(&json).map_err(|vs| crate::errors::malformed(py, vs))
}

/// Converts JSON to Python, as `json.loads` would.
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// Serialises a core value and converts it to Python.
pub fn serialise_to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value)
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("internal error: {e}")))?;
    to_py(py, &value)
}

/// A timestamp as an aware `datetime` with the offset it was written with.
/// Sub-microsecond digits are dropped (Python counts microseconds); a
/// timestamp Python cannot hold (year 0, a leap second) is IN05, and so is
/// one whose instant in UTC falls outside years 1–9999
/// (`9999-12-31T23:59:59-23:59`): Python would build it, then raise
/// `OverflowError` on comparing, hashing or converting it.
pub fn timestamp_to_py<'py>(py: Python<'py>, at: &Timestamp) -> PyResult<Bound<'py, PyAny>> {
    let dt = at.as_datetime();
    let types = types(py)?;
    let offset = dt.offset().local_minus_utc();
    let tz = if offset == 0 {
        types.utc.bind(py).clone()
    } else {
        let delta = types.timedelta.bind(py).call((0, offset), None)?;
        types.timezone.bind(py).call1((delta,))?
    };
    let nanos = dt.nanosecond();
    let years = 1..=9999;
    let representable = years.contains(&dt.year()) && years.contains(&dt.naive_utc().year()) && nanos < 1_000_000_000;
    if !representable {
        return Err(crate::errors::malformed(
            py,
            Violations(vec![
                Violation::error(
                    Code::IN05,
                    Path::root(),
                    format!("« {at} » ne peut pas être représenté par un datetime Python"),
                    format!("`{at}` cannot be represented as a Python datetime"),
                )
                .with("value", at),
            ]),
        ));
    }
    types.datetime.bind(py).call(
        (
            dt.year(),
            dt.month(),
            dt.day(),
            dt.hour(),
            dt.minute(),
            dt.second(),
            nanos / 1000,
            tz,
        ),
        None,
    )
}
