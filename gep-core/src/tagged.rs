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
                let Some(first) = map.next_key::<String>()? else {
                    return Err(A::Error::missing_field("type"));
                };
                if first == "type" {
                    let tag = map.next_value::<String>()?;
                    return payload(&tag, serde::de::value::MapAccessDeserializer::new(map));
                }
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
                payload(&tag, serde_json::Value::Object(object)).map_err(A::Error::custom)
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
