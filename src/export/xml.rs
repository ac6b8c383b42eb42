//! The XML writer of the `GraphML` and GEXF exports: one element per line, indented two spaces per
//! level, a text-only element on one line; attribute values and text escaped (`&`, `<`, `>`, `'`,
//! `"`), and the characters XML 1.0 forbids dropped. Written into a buffer that is passed on in
//! large pieces, with no allocation per element.

use std::io::{self, Write};

use petgraph::graph::EdgeIndex;

use super::{Real, Value};
use crate::graph::KnowledgeGraph;
use crate::text::xml::{CHUNK, escape_pieces};

/// An XML document being written.
pub(super) struct XmlWriter<'w> {
    out: &'w mut dyn Write,
    buf: Vec<u8>,
    depth: usize,
}

impl<'w> XmlWriter<'w> {
    /// A document with its XML declaration.
    pub(super) fn new(out: &'w mut dyn Write) -> Self {
        let mut buf = Vec::with_capacity(CHUNK + 4096);
        buf.extend_from_slice(br#"<?xml version="1.0" encoding="UTF-8"?>"#);
        Self { out, buf, depth: 0 }
    }

    /// Opens an element: `<name a="v">` on a new line.
    pub(super) fn start(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        self.tag_start(name, attributes);
        self.buf.push(b'>');
        self.depth += 1;
        self.pass_on()
    }

    /// Begins an element whose attributes are written next with [`XmlWriter::attribute`] and
    /// [`XmlWriter::value_attribute`]; end its tag with [`XmlWriter::open`] or [`XmlWriter::close_empty`].
    pub(super) fn begin(&mut self, name: &str) {
        self.tag_start(name, &[]);
    }

    /// One attribute of the element begun.
    pub(super) fn attribute(&mut self, name: &str, value: &str) {
        self.value_attribute(name, &Value::Text(value.into()));
    }

    /// One attribute of the element begun, from a typed value.
    pub(super) fn value_attribute(&mut self, name: &str, value: &Value) {
        self.buf.push(b' ');
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.extend_from_slice(b"=\"");
        value_into(&mut self.buf, value);
        self.buf.push(b'"');
    }

    /// Begins the element of edge `e` of `kg` with its `id` (`e0`, `e1`, …), `source` and `target`.
    pub(super) fn begin_edge(&mut self, kg: &KnowledgeGraph, e: EdgeIndex) {
        let (a, b) = kg.graph.edge_endpoints(e).expect("edge index from the graph");
        self.begin("edge");
        let _ = write!(self.buf, " id=\"e{}\"", e.index());
        self.attribute("source", &kg.graph[a].id);
        self.attribute("target", &kg.graph[b].id);
    }

    /// Ends the tag of the element begun, leaving it open.
    pub(super) fn open(&mut self) -> io::Result<()> {
        self.buf.push(b'>');
        self.depth += 1;
        self.pass_on()
    }

    /// Ends the element begun as an empty element.
    pub(super) fn close_empty(&mut self) -> io::Result<()> {
        self.buf.extend_from_slice(b"/>");
        self.pass_on()
    }

    /// An empty element: `<name a="v"/>` on a new line.
    pub(super) fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        self.tag_start(name, attributes);
        self.close_empty()
    }

    /// An element holding only text, on one line: `<name a="v">text</name>`.
    pub(super) fn text_element(&mut self, name: &str, attributes: &[(&str, &str)], text: &Value) -> io::Result<()> {
        self.tag_start(name, attributes);
        self.buf.push(b'>');
        value_into(&mut self.buf, text);
        self.buf.extend_from_slice(b"</");
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.push(b'>');
        self.pass_on()
    }

    /// Closes the innermost open element, on a new line.
    pub(super) fn end(&mut self, name: &str) -> io::Result<()> {
        self.depth -= 1;
        self.new_line();
        self.buf.extend_from_slice(b"</");
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.push(b'>');
        self.pass_on()
    }

    /// Ends the document with a newline and passes on what is left.
    pub(super) fn finish(mut self) -> io::Result<()> {
        self.buf.push(b'\n');
        self.out.write_all(&self.buf)
    }

    fn new_line(&mut self) {
        self.buf.push(b'\n');
        self.buf.resize(self.buf.len() + 2 * self.depth, b' ');
    }

    fn tag_start(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.new_line();
        self.buf.push(b'<');
        self.buf.extend_from_slice(name.as_bytes());
        for (key, value) in attributes {
            self.attribute(key, value);
        }
    }

    fn pass_on(&mut self) -> io::Result<()> {
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

/// Appends a typed value: text escaped, numbers as they are.
fn value_into(buf: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Text(text) => escape_into(buf, text),
        Value::Int(i) => {
            let _ = write!(buf, "{i}");
        }
        Value::Real(r) => {
            let _ = write!(buf, "{}", Real(*r));
        }
    }
}

/// Appends `text` escaped for XML, without the characters XML 1.0 forbids (C0 controls but tab
/// and line ends, U+FFFE and U+FFFF): what `quick_xml::escape::escape(xml_safe(text))` gives.
fn escape_into(buf: &mut Vec<u8>, text: &str) {
    escape_pieces(text, true, |piece| buf.extend_from_slice(piece.as_bytes()));
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::xml::xml_safe;

    proptest! {
        #[test]
        fn escapes_as_quick_xml_does(text in "([a-z<>&'\" \\t\\n\\r\u{0}\u{1}\u{1f}é\u{fffd}\u{fffe}\u{ffff}\u{ffef}\u{feff}\u{effe}🐍]){0,24}") {
            let mut ours = Vec::new();
            escape_into(&mut ours, &text);
            let theirs = quick_xml::escape::escape(xml_safe(&text).into_owned());
            prop_assert_eq!(String::from_utf8(ours).unwrap(), theirs.into_owned());
        }
    }

    #[test]
    fn elements_indent_by_depth() {
        let mut out = Vec::new();
        let mut w = XmlWriter::new(&mut out);
        w.start("a", &[("x", "1&2")]).unwrap();
        w.text_element("b", &[("k", "v")], &Value::Text("t<".into())).unwrap();
        w.begin("c");
        w.value_attribute("n", &Value::Int(3));
        w.open().unwrap();
        w.empty("d", &[]).unwrap();
        w.end("c").unwrap();
        w.end("a").unwrap();
        w.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x=\"1&amp;2\">\n  <b k=\"v\">t&lt;</b>\n  <c n=\"3\">\n    <d/>\n  </c>\n</a>\n"
        );
    }
}
