//! Deserialisation of internally tagged enums (`{"type": "register", …}`)
//! without buffering.
//!
//! serde's derived internally tagged enums buffer every object into an
//! intermediate tree before they look at the tag: it costs an allocation per
//! value and loses the path of an error inside the payload. Here, when
//! `type` is the object's first key (as in every document this library
//! writes), the rest of the object streams straight into the payload's
//! struct, and errors keep their full path. When it is not first, the object
//! is buffered as JSON and read from there: slower, but the same result.

/// Implements `Deserialize` for an enum whose every variant is a newtype over
/// a struct, tagged by a `type` key.
macro_rules! deserialize_tagged {
    ($enum:ident, $expecting:literal, { $($name:literal => $variant:ident($payload:ty)),* $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $enum {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_map(TaggedVisitor)
            }
        }

        struct TaggedVisitor;

        const VARIANTS: &[&str] = &[$($name),*];

        fn payload<'de, D: serde::Deserializer<'de>>(tag: &str, de: D) -> Result<$enum, D::Error> {
            use serde::Deserialize as _;
            match tag {
                $($name => <$payload>::deserialize(de).map($enum::$variant),)*
                other => Err(serde::de::Error::unknown_variant(other, VARIANTS)),
            }
        }

        impl<'de> serde::de::Visitor<'de> for TaggedVisitor {
            type Value = $enum;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($expecting)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$enum, A::Error> {
                use serde::de::Error as _;
                let first = match map.next_key_seed(crate::tagged::KeySeed)? {
                    None => return Err(A::Error::missing_field("type")),
                    Some(crate::tagged::Key::Type) => {
                        let tag = map.next_value_seed(crate::tagged::TagSeed(VARIANTS))?;
                        return payload(tag, serde::de::value::MapAccessDeserializer::new(map));
                    }
                    Some(crate::tagged::Key::Other(key)) => key,
                };
                // `type` is not first: buffer the object.
                let mut object = serde_json::Map::new();
                object.insert(first, map.next_value::<serde_json::Value>()?);
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value::<serde_json::Value>()?;
                    if object.insert(key.clone(), value).is_some() {
                        return Err(A::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                }
                let tag = match object.remove("type") {
                    Some(serde_json::Value::String(tag)) => tag,
                    Some(other) => {
                        return Err(A::Error::invalid_type(crate::tagged::unexpected(&other), &"a string"));
                    }
                    None => return Err(A::Error::missing_field("type")),
                };
                // Read again from text, with the deserializer types of the
                // streaming parse: no second copy of every payload's
                // deserializer (it weighs on the WebAssembly build).
                let text = serde_json::Value::Object(object).to_string();
                let mut json = serde_json::Deserializer::from_str(&text);
                let result = payload(&tag, crate::strict::Strict(&mut json));
                result.map_err(|e| A::Error::custom(crate::tagged::inner_error(&text, &e)))
            }
        }
    };
}

pub(crate) use deserialize_tagged;

/// How a JSON value is named in a type error.
pub(crate) fn unexpected(value: &serde_json::Value) -> serde::de::Unexpected<'_> {
    use serde::de::Unexpected;
    match value {
        serde_json::Value::Null => Unexpected::Unit,
        serde_json::Value::Bool(b) => Unexpected::Bool(*b),
        serde_json::Value::Number(_) => Unexpected::Other("a number"),
        serde_json::Value::String(s) => Unexpected::Str(s),
        serde_json::Value::Array(_) => Unexpected::Seq,
        serde_json::Value::Object(_) => Unexpected::Map,
    }
}

/// The first key of a tagged object: `type`, or another (kept for buffering).
pub(crate) enum Key {
    Type,
    Other(String),
}

pub(crate) struct KeySeed;

impl<'de> serde::de::DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl serde::de::Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(if key == "type" {
            Key::Type
        } else {
            Key::Other(key.to_owned())
        })
    }
}

/// Reads a tag without allocating: the matching name of `VARIANTS`.
pub(crate) struct TagSeed(pub &'static [&'static str]);

impl<'de> serde::de::DeserializeSeed<'de> for TagSeed {
    type Value = &'static str;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<&'static str, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl serde::de::Visitor<'_> for TagSeed {
    type Value = &'static str;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the name of a command or an event")
    }

    fn visit_str<E: serde::de::Error>(self, tag: &str) -> Result<&'static str, E> {
        self.0
            .iter()
            .copied()
            .find(|name| *name == tag)
            .ok_or_else(|| E::unknown_variant(tag, self.0))
    }
}

/// The marker of an error found inside a buffered object: the error's
/// message carries the inner path, which the document loader appends.
pub(crate) const INNER_PATH_TAG: &str = "gep-inner-path:";

/// The message of an error found inside a buffered object, carrying where
/// inside it the error lies (`gep-inner-path:["person","email"] message`),
/// so that the document loader gives as precise a path as when streaming.
pub(crate) fn inner_error(text: &str, error: &serde_json::Error) -> String {
    // A path of keys and indices always serialises.
    let path = serde_json::to_string(&crate::locate::error_path(text, error)).unwrap_or_else(|_| "[]".to_owned());
    // Without the inner position: serde_json would take it for the outer
    // error's own.
    let message = crate::locate::message_without_position(error);
    format!("{INNER_PATH_TAG}{path} {message}")
}
