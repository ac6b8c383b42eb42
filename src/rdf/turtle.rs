//! N-Triples and Turtle written straight from a [`TripleTable`]: N-Triples copies IRIs and blank
//! node ids from the table; Turtle renders each distinct IRI and blank node once (as a prefixed
//! name where a namespace fits), then every triple is copies of rendered text.
//!
//! The output is byte-for-byte what oxttl's serializers write for the same sorted triples and
//! prefixes (the tests compare them on random graphs); oxttl instead formats every occurrence of
//! a term anew and tries each prefix in turn, which, with one prefix per edition, was most of the
//! time spent writing Turtle.

use std::collections::HashMap;
use std::io::{self, Write};

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{LiteralRef, NamedNodeRef, TermRef};

use super::TripleTable;
use super::table::{Step, TermTexts};

/// Writes `table` as N-Triples (also N-Quads, the triples being in the default graph). IRIs and
/// blank nodes are copied straight from the table's text, with nothing to escape; a rendered copy of
/// every term, as Turtle keeps for its prefixed names, would be one more buffer the size of all
/// IRIs while the largest file is written.
///
/// # Errors
/// When writing fails.
pub fn write_ntriples(table: &TripleTable, w: &mut impl Write) -> io::Result<()> {
    let mut literal = String::new();
    for [s, p, o] in table.ids() {
        write_ntriples_term(table.term(s), &mut literal, w)?;
        w.write_all(b" ")?;
        write_ntriples_term(table.term(p), &mut literal, w)?;
        w.write_all(b" ")?;
        write_ntriples_term(table.term(o), &mut literal, w)?;
        w.write_all(b" .\n")?;
    }
    Ok(())
}

/// One term as N-Triples, as oxrdf displays it; a literal is formatted in `scratch`.
fn write_ntriples_term(term: TermRef<'_>, scratch: &mut String, w: &mut impl Write) -> io::Result<()> {
    match term {
        TermRef::NamedNode(n) => {
            for part in [b"<", n.as_str().as_bytes(), b">"] {
                w.write_all(part)?;
            }
            Ok(())
        }
        TermRef::BlankNode(b) => {
            w.write_all(b"_:")?;
            w.write_all(b.as_str().as_bytes())
        }
        TermRef::Literal(l) => {
            scratch.clear();
            push_literal(scratch, l);
            w.write_all(scratch.as_bytes())
        }
    }
}

/// Writes `table` as Turtle (also `TriG`, the triples being in the default graph) with `prefixes`
/// (name, namespace IRI), declared in sorted order. Subjects are grouped (`;`) and so are the
/// objects of one predicate (`,`); `rdf:type` is `a`.
///
/// # Errors
/// When writing fails.
pub fn write_turtle(table: &TripleTable, prefixes: &[(String, String)], w: &mut impl Write) -> io::Result<()> {
    if table.is_empty() {
        return Ok(());
    }
    let mut declarations: Vec<String> =
        prefixes.iter().map(|(name, iri)| format!("@prefix {name}: <{iri}> .\n")).collect();
    declarations.sort_unstable();
    declarations.dedup();
    for line in &declarations {
        w.write_all(line.as_bytes())?;
    }
    let namespaces = Namespaces::new(prefixes);
    let mut terms = TermTexts::new(table, |term, out| namespaces.term(term, out));
    let rdf_type = table.id_of(rdf::TYPE.into());
    for (step, [s, p, o]) in table.steps() {
        let predicate = if Some(p) == rdf_type { b"a".as_slice() } else { terms.get(p) };
        match step {
            Step::Object => w.write_all(b" , ")?,
            Step::Predicate => {
                for part in [b" ;\n\t", predicate, b" "] {
                    w.write_all(part)?;
                }
            }
            Step::Subject { first } => {
                if !first {
                    w.write_all(b" .\n")?;
                }
                for part in [terms.get(s), b" ", predicate, b" "] {
                    w.write_all(part)?;
                }
            }
        }
        terms.write(o, w)?;
    }
    w.write_all(b" .\n")
}

/// Prefixes by namespace IRI, for turning IRIs into prefixed names.
struct Namespaces<'a> {
    by_iri: HashMap<&'a str, &'a str>,
    /// Whether every namespace ends in `/` or `#`, so only the IRI's own prefixes ending there
    /// need looking up; else every namespace is tried.
    all_end_in_separator: bool,
}

impl<'a> Namespaces<'a> {
    fn new(prefixes: &'a [(String, String)]) -> Self {
        Self {
            by_iri: prefixes.iter().map(|(name, iri)| (iri.as_str(), name.as_str())).collect(),
            all_end_in_separator: prefixes.iter().all(|(_, iri)| iri.ends_with(['/', '#'])),
        }
    }

    /// The IRI as `prefix:local` under the longest namespace that gives a valid local name.
    fn prefixed(&self, iri: &str, out: &mut String) -> bool {
        let mut candidates: Vec<(&str, &str)> = if self.all_end_in_separator {
            iri.match_indices(['/', '#'])
                .filter_map(|(i, _)| self.by_iri.get_key_value(&iri[..=i]).map(|(ns, name)| (*ns, *name)))
                .collect()
        } else {
            self.by_iri.iter().filter(|(ns, _)| iri.starts_with(**ns)).map(|(ns, name)| (*ns, *name)).collect()
        };
        candidates.sort_unstable_by_key(|(ns, _)| std::cmp::Reverse(ns.len()));
        for (ns, name) in candidates {
            let local = &iri[ns.len()..];
            if let Some(escaped) = escape_local_name(local) {
                out.push_str(name);
                out.push(':');
                out.push_str(&escaped);
                return true;
            }
        }
        false
    }

    fn named_node(&self, n: NamedNodeRef<'_>, out: &mut String) {
        if !self.prefixed(n.as_str(), out) {
            out.push('<');
            out.push_str(n.as_str());
            out.push('>');
        }
    }

    /// A term as Turtle writes it: prefixed names, bare numbers and booleans where their lexical
    /// form allows, other typed literals as `"…"^^datatype`.
    fn term(&self, term: TermRef<'_>, out: &mut String) {
        match term {
            TermRef::NamedNode(n) => self.named_node(n, out),
            TermRef::BlankNode(b) => {
                out.push_str("_:");
                out.push_str(b.as_str());
            }
            TermRef::Literal(l) => {
                let (value, datatype) = (l.value(), l.datatype());
                if datatype == xsd::STRING || datatype == rdf::LANG_STRING {
                    push_literal(out, l);
                    return;
                }
                let bare = match datatype {
                    d if d == xsd::BOOLEAN => matches!(value, "true" | "false"),
                    d if d == xsd::INTEGER => is_integer(value),
                    d if d == xsd::DECIMAL => is_decimal(value),
                    d if d == xsd::DOUBLE => is_double(value),
                    _ => false,
                };
                if bare {
                    out.push_str(value);
                } else {
                    push_quoted(out, value);
                    out.push_str("^^");
                    self.named_node(datatype, out);
                }
            }
        }
    }
}

/// `value` without a leading sign.
fn unsigned(value: &str) -> &[u8] {
    let bytes = value.as_bytes();
    bytes.strip_prefix(b"+").or_else(|| bytes.strip_prefix(b"-")).unwrap_or(bytes)
}

fn digits(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// Appends `literal` as N-Triples and Turtle write a literal in full, as oxrdf displays it: the
/// value quoted, then `@language` or `^^<datatype>`.
fn push_literal(out: &mut String, literal: LiteralRef<'_>) {
    push_quoted(out, literal.value());
    if let Some(language) = literal.language() {
        out.push('@');
        out.push_str(language);
    } else if literal.datatype() != xsd::STRING {
        out.push_str("^^<");
        out.push_str(literal.datatype().as_str());
        out.push('>');
    }
}

/// Appends `value` quoted as oxrdf's `print_quoted_str` writes it, copying the runs between
/// escapes whole: `\b \t \n \f \r \" \\`, other C0 controls, DEL, U+FFFE and U+FFFF as `\uXXXX`.
fn push_quoted(out: &mut String, value: &str) {
    use std::fmt::Write as _;
    out.push('"');
    let bytes = value.as_bytes();
    let mut done = 0;
    for (i, &b) in bytes.iter().enumerate() {
        // Every escape starts at an ASCII byte or at the first of U+FFFE's or U+FFFF's three.
        let (code, length) = match b {
            0..0x20 | b'"' | b'\\' | 0x7F => (u32::from(b), 1),
            0xEF => match bytes.get(i + 1..i + 3) {
                Some(b"\xBF\xBE") => (0xFFFE, 3),
                Some(b"\xBF\xBF") => (0xFFFF, 3),
                _ => continue,
            },
            _ => continue,
        };
        out.push_str(&value[done..i]);
        match code {
            0x08 => out.push_str("\\b"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0C => out.push_str("\\f"),
            0x0D => out.push_str("\\r"),
            0x22 => out.push_str("\\\""),
            0x5C => out.push_str("\\\\"),
            _ => {
                let _ = write!(out, "\\u{code:04X}");
            }
        }
        done = i + length;
    }
    out.push_str(&value[done..]);
    out.push('"');
}

/// Turtle `INTEGER`: `[+-]? [0-9]+`.
fn is_integer(value: &str) -> bool {
    let v = unsigned(value);
    !v.is_empty() && digits(v) == v.len()
}

/// Turtle `DECIMAL`: `[+-]? [0-9]* '.' [0-9]+`.
fn is_decimal(value: &str) -> bool {
    let v = unsigned(value);
    let v = &v[digits(v)..];
    v.strip_prefix(b".").is_some_and(|f| !f.is_empty() && digits(f) == f.len())
}

/// Turtle `DOUBLE`: a mantissa with digits before or after an optional point, then an exponent.
fn is_double(value: &str) -> bool {
    let v = unsigned(value);
    let before = digits(v);
    let mut v = &v[before..];
    let mut after = 0;
    if let Some(f) = v.strip_prefix(b".") {
        after = digits(f);
        v = &f[after..];
    }
    let Some(exponent) = v.strip_prefix(b"e").or_else(|| v.strip_prefix(b"E")) else {
        return false;
    };
    let exponent = exponent.strip_prefix(b"+").or_else(|| exponent.strip_prefix(b"-")).unwrap_or(exponent);
    (before > 0 || after > 0) && !exponent.is_empty() && digits(exponent) == exponent.len()
}

/// Turtle `PN_CHARS_BASE`.
fn is_pn_chars_base(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z' | '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{02FF}'
        | '\u{0370}'..='\u{037D}' | '\u{037F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}'
        | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// Turtle `PN_CHARS_U`.
pub(super) fn is_pn_chars_u(c: char) -> bool {
    is_pn_chars_base(c) || c == '_'
}

/// Turtle `PN_CHARS`.
pub(super) fn is_pn_chars(c: char) -> bool {
    is_pn_chars_u(c) || matches!(c, '-' | '0'..='9' | '\u{00B7}' | '\u{0300}'..='\u{036F}' | '\u{203F}'..='\u{2040}')
}

/// Characters a local name may hold escaped with `\`.
fn escapable(c: char) -> bool {
    matches!(
        c,
        '_' | '~'
            | '.'
            | '-'
            | '!'
            | '$'
            | '&'
            | '\''
            | '('
            | ')'
            | '*'
            | '+'
            | ','
            | ';'
            | '='
            | '/'
            | '?'
            | '#'
            | '@'
            | '%'
    )
}

/// A Turtle local name (`PN_LOCAL`, possibly empty) for `value`, with `\` escapes where needed;
/// `None` when it cannot be one (the IRI is then written whole).
fn escape_local_name(value: &str) -> Option<String> {
    let mut out = String::with_capacity(value.len());
    for (i, c) in value.char_indices() {
        let plain = c == ':'
            || if i == 0 {
                is_pn_chars_u(c) || c.is_ascii_digit()
            } else {
                is_pn_chars(c) || (c == '.' && i + 1 < value.len())
            };
        if plain {
            out.push(c);
        } else if escapable(c) {
            out.push('\\');
            out.push(c);
        } else {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use oxigraph::io::{RdfFormat, RdfSerializer};
    use oxigraph::model::{Literal, NamedNode, Triple};
    use proptest::prelude::*;

    use super::*;
    use crate::rdf::strategies::{prefixes, table};

    /// What oxttl writes for the same table and prefixes (prefix lines sorted, as `build` does).
    fn oxttl(table: &TripleTable, prefixes: &[(String, String)], format: RdfFormat) -> Vec<u8> {
        let mut serializer = RdfSerializer::from_format(format);
        for (name, iri) in prefixes {
            serializer = serializer.with_prefix(name.as_str(), iri.as_str()).unwrap();
        }
        let mut w = serializer.for_writer(Vec::new());
        for t in table.iter() {
            w.serialize_triple(t).unwrap();
        }
        let bytes = w.finish().unwrap();
        let header = bytes.split_inclusive(|&b| b == b'\n').take_while(|l| l.starts_with(b"@prefix ")).count();
        let mut lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
        lines[..header].sort_unstable();
        lines.concat()
    }

    fn ours(table: &TripleTable, prefixes: &[(String, String)], turtle: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if turtle { write_turtle(table, prefixes, &mut out) } else { write_ntriples(table, &mut out) }.unwrap();
        out
    }

    proptest! {
        #[test]
        fn literals_written_as_oxrdf_displays_them(value in "[a-z \"\\\\\u{0}-\u{1f}\u{7f}é\u{fffd}\u{fffe}\u{ffff}\u{ffef}\u{efbf}🐍]{0,16}") {
            for literal in [
                Literal::new_simple_literal(&value),
                Literal::new_language_tagged_literal_unchecked(&value, "en-GB"),
                Literal::new_typed_literal(&value, xsd::G_YEAR),
            ] {
                let mut out = String::new();
                push_literal(&mut out, literal.as_ref());
                prop_assert_eq!(out, literal.to_string());
            }
        }

        #[test]
        fn same_bytes_as_oxttl(table in table()) {
            let prefixes = prefixes();
            prop_assert_eq!(ours(&table, &prefixes, false), oxttl(&table, &prefixes, RdfFormat::NTriples));
            prop_assert_eq!(ours(&table, &prefixes, false), oxttl(&table, &prefixes, RdfFormat::NQuads));
            prop_assert_eq!(ours(&table, &prefixes, true), oxttl(&table, &prefixes, RdfFormat::Turtle));
            prop_assert_eq!(ours(&table, &prefixes, true), oxttl(&table, &prefixes, RdfFormat::TriG));
            prop_assert_eq!(ours(&table, &[], true), oxttl(&table, &[], RdfFormat::Turtle));
        }
    }

    #[test]
    fn subjects_and_predicates_grouped() {
        let ex = |l: &str| NamedNode::new_unchecked(format!("http://example.org/{l}"));
        let table: TripleTable = [
            Triple::new(ex("a"), rdf::TYPE.into_owned(), ex("C")),
            Triple::new(ex("a"), rdf::TYPE.into_owned(), ex("D")),
            Triple::new(ex("a"), ex("p"), Literal::new_typed_literal("7", xsd::INTEGER.into_owned())),
            Triple::new(ex("b.c"), ex("p"), Literal::new_typed_literal("2024", xsd::G_YEAR.into_owned())),
        ]
        .into_iter()
        .collect();
        let text = String::from_utf8(ours(&table, &prefixes(), true)).unwrap();
        assert!(text.ends_with("ex:a a ex:C , ex:D ;\n\tex:p 7 .\nex:b.c ex:p \"2024\"^^xsd:gYear .\n"), "{text}");
        assert_eq!(text.as_bytes(), oxttl(&table, &prefixes(), RdfFormat::Turtle));
        assert!(ours(&TripleTable::default(), &prefixes(), true).is_empty());
    }
}
