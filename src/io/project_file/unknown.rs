//! Keys this claimdesk does not know, kept so that saving never drops them.
//!
//! A newer claimdesk (or another tool) may add optional keys to a project file. On load, a
//! second, cheap pass over the text collects every key that is not a field of this
//! version's types, at each level: the file, the project, its settings, every article,
//! speaker and claim. Each is kept as its key and its value's JSON text exactly as written
//! ([`UnknownKeys`]). On save they are written back after the known keys of the same
//! object, in the order they were read, values byte for byte.

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{Error as _, SerializeMap};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::model::{
    Article, ArticleId, Claim, ClaimId, FeedWatch, NamedView, Project, ProjectSettings, Speaker,
    SpeakerId, UnknownKeys,
};

/// The keys of a file object that this version knows.
const FILE_KEYS: [&str; 4] = ["format", "version", "recovery_of", "project"];

/// The unknown keys of a project file's text, at every level.
pub(super) fn unknown_keys(text: &str) -> Result<UnknownKeys, serde_json::Error> {
    let mut keys = UnknownKeys::default();
    let mut de = serde_json::Deserializer::from_str(text);
    Collect {
        into: &mut keys,
        level: Level::File,
    }
    .deserialize(&mut de)?;
    Ok(keys)
}

/// Which object of the file a map is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    File,
    Project,
    Settings,
    Article,
    Speaker,
    Claim,
}

impl Level {
    fn known(self) -> &'static [&'static str] {
        match self {
            Level::File => &FILE_KEYS,
            Level::Project => fields_of::<Project>(),
            Level::Settings => fields_of::<ProjectSettings>(),
            Level::Article => fields_of::<Article>(),
            Level::Speaker => fields_of::<Speaker>(),
            Level::Claim => fields_of::<Claim>(),
        }
    }

    /// The level of the object (or list of objects) under `key`, if it is one we descend.
    fn child(self, key: &str) -> Option<Level> {
        match (self, key) {
            (Level::File, "project") => Some(Level::Project),
            (Level::Project, "settings") => Some(Level::Settings),
            (Level::Project, "articles") => Some(Level::Article),
            (Level::Project, "speakers") => Some(Level::Speaker),
            (Level::Project, "claims") => Some(Level::Claim),
            _ => None,
        }
    }
}

/// Collects the unknown keys of one object at `level` (and of the objects under it).
struct Collect<'a> {
    into: &'a mut UnknownKeys,
    level: Level,
}

impl<'de> DeserializeSeed<'de> for Collect<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Collect<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let known = self.level.known();
        let mut id: Option<u64> = None;
        let mut unknown: Vec<(String, String)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if let Some(child) = self.level.child(&key) {
                map.next_value_seed(Collect {
                    into: self.into,
                    level: child,
                })?;
            } else if key == "id" && known.contains(&"id") {
                id = map.next_value::<serde_json::Value>()?.as_u64();
            } else if known.contains(&key.as_str()) {
                map.next_value::<IgnoredAny>()?;
            } else {
                let raw: Box<RawValue> = map.next_value()?;
                unknown.push((key, raw.get().to_string()));
            }
        }
        if unknown.is_empty() {
            return Ok(());
        }
        let keys = &mut *self.into;
        match (self.level, id) {
            (Level::File, _) => keys.file = unknown,
            (Level::Project, _) => keys.project = unknown,
            (Level::Settings, _) => keys.settings = unknown,
            (Level::Article, Some(id)) => {
                keys.articles.insert(ArticleId(id), unknown);
            }
            (Level::Speaker, Some(id)) => {
                keys.speakers.insert(SpeakerId(id), unknown);
            }
            (Level::Claim, Some(id)) => {
                keys.claims.insert(ClaimId(id), unknown);
            }
            // Without an id the object does not load anyway.
            (_, None) => {}
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        // A list of articles, speakers or claims: each element at this same level.
        while seq
            .next_element_seed(Collect {
                into: self.into,
                level: self.level,
            })?
            .is_some()
        {}
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// The field names a derived `Deserialize` struct accepts, asked of the type itself so
/// that a field added to the model is known here without a second list to keep.
fn fields_of<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldProbe(&mut fields));
    fields
}

/// A deserializer that only records the field list of the struct asked of it.
struct FieldProbe<'a>(&'a mut &'static [&'static str]);

impl<'de> Deserializer<'de> for FieldProbe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("fields recorded"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// `value`'s fields followed by its kept unknown keys, as one JSON object.
pub(super) struct Keep<'a, T> {
    pub value: &'a T,
    pub extra: &'a [(String, String)],
}

impl<T: Serialize> Serialize for Keep<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Flat<'a, T> {
            #[serde(flatten)]
            value: &'a T,
            #[serde(flatten)]
            extra: Extra<'a>,
        }
        Flat {
            value: self.value,
            extra: Extra(self.extra),
        }
        .serialize(s)
    }
}

/// Kept keys written as map entries, each value as the JSON text it was read as.
pub(super) struct Extra<'a>(pub &'a [(String, String)]);

impl Serialize for Extra<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, raw) in self.0 {
            let raw = RawValue::from_string(raw.clone()).map_err(S::Error::custom)?;
            map.serialize_entry(key, &raw)?;
        }
        map.end()
    }
}

/// The project as the file writes it: every known field in its order, then its kept keys;
/// articles, speakers, claims and settings each with theirs.
#[derive(Serialize)]
pub(super) struct ProjectOut<'a> {
    name: &'a str,
    settings: Keep<'a, ProjectSettings>,
    articles: Vec<Keep<'a, Article>>,
    speakers: Vec<Keep<'a, Speaker>>,
    claims: Vec<Keep<'a, Claim>>,
    next_id: u64,
    /// Not written while 0, so that files without claim numbers re-save byte for byte.
    #[serde(skip_serializing_if = "is_zero")]
    next_number: u64,
    #[serde(skip_serializing_if = "str::is_empty")]
    memo: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    assignees: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    not_speakers: &'a [String],
    /// The feeds followed (issue 29); not written while there are none.
    #[serde(skip_serializing_if = "FeedWatch::is_empty")]
    feeds: &'a FeedWatch,
    #[serde(skip_serializing_if = "<[NamedView]>::is_empty")]
    views: &'a [NamedView],
    #[serde(flatten)]
    extra: Extra<'a>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The kept keys of the entity `id`, none if it has none.
fn kept<K: std::hash::Hash + Eq>(
    map: &HashMap<K, Vec<(String, String)>>,
    id: K,
) -> &[(String, String)] {
    map.get(&id).map_or(&[], Vec::as_slice)
}

impl<'a> ProjectOut<'a> {
    pub(super) fn of(project: &'a Project) -> Self {
        // Every field named, so that a field added to Project does not compile until it
        // is written here too.
        let Project {
            name,
            settings,
            articles,
            speakers,
            claims,
            next_id,
            next_number,
            memo,
            assignees,
            not_speakers,
            feeds,
            views,
            unknown,
        } = project;
        ProjectOut {
            name,
            settings: Keep {
                value: settings,
                extra: &unknown.settings,
            },
            articles: articles
                .iter()
                .map(|a| Keep {
                    value: a,
                    extra: kept(&unknown.articles, a.id),
                })
                .collect(),
            speakers: speakers
                .iter()
                .map(|s| Keep {
                    value: s,
                    extra: kept(&unknown.speakers, s.id),
                })
                .collect(),
            claims: claims
                .iter()
                .map(|c| Keep {
                    value: c,
                    extra: kept(&unknown.claims, c.id),
                })
                .collect(),
            next_id: *next_id,
            next_number: *next_number,
            memo,
            assignees,
            not_speakers,
            feeds,
            views,
            extra: Extra(&unknown.project),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_lists_come_from_the_types() {
        assert!(fields_of::<Claim>().contains(&"mention_span"));
        assert!(fields_of::<Project>().contains(&"next_id"));
        assert!(!fields_of::<Project>().contains(&"unknown"));
        assert!(fields_of::<ProjectSettings>().contains(&"review_url_pattern"));
    }
}
