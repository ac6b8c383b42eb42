//! The endpoint's home page: a query box with the named queries as examples, a results table and
//! links to the report and every export, in one self-contained file (no CDN, no framework).

use std::fmt::Write;

use crate::queries::{self, NAMED_QUERIES};
use crate::rdf::{Base, VOCABULARY_PREFIXES};
use crate::report::html::escape;

/// The template; `{{…}}` marks the parts filled in.
const TEMPLATE: &str = include_str!("page.html");

/// The home page of a server offering `files`, with a one-line summary of the graph.
///
/// # Examples
/// ```
/// let page = confgraph::serve::page::render("3 sessions", &["graph.ttl".into()], false, &Default::default());
/// assert!(page.contains(r#"<a href="exports/graph.ttl">graph.ttl</a>"#) && page.contains("speakers-per-edition"));
/// ```
#[must_use]
pub fn render(summary: &str, files: &[String], has_report: bool, base: &Base) -> String {
    let links = files.iter().fold(String::new(), |mut links, f| {
        let f = escape(f);
        let _ = write!(links, "<li><a href=\"exports/{f}\">{f}</a></li>");
        links
    });
    let mut nav = String::from(r#"<a href="store?default">The whole graph (Turtle)</a>"#);
    if has_report {
        nav.insert_str(0, r#"<a href="report">Report</a>"#);
    }
    TEMPLATE
        .replace("{{SUMMARY}}", &escape(summary))
        .replace("{{NAV}}", &nav)
        .replace("{{FILES}}", &links)
        .replace("{{NAMED}}", &named_json(base))
}

/// The named queries, the vocabulary prefixes and the base, as JSON safe inside `<script>`.
fn named_json(base: &Base) -> String {
    let queries: Vec<serde_json::Value> = NAMED_QUERIES
        .iter()
        .map(|(name, text)| {
            serde_json::json!({ "name": name, "description": queries::summary(name, text), "text": text })
        })
        .collect();
    let json = serde_json::json!({ "queries": queries, "prefixes": VOCABULARY_PREFIXES, "base": base.as_str() });
    // (`</script>` inside a string would end the element; `<\/` is the same JSON string.)
    json.to_string().replace("</", "<\\/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_embeds_every_named_query_as_json_that_cannot_end_its_script() {
        let page = render("s", &["a</script>.csv".into()], true, &Base::default());
        let start = page.find(r#"<script id="named" type="application/json">"#).unwrap();
        let json = &page[start..];
        let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["queries"].as_array().unwrap().len(), NAMED_QUERIES.len());
        assert!(page.contains("a&lt;/script&gt;.csv") && page.contains(r#"href="report""#));
        assert!(!page.contains("{{"), "every part is filled in");
    }
}
