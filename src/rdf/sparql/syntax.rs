//! SPARQL syntax errors a person can act on. The parser reports the farthest position it reached
//! and every token it could have taken there, which can be a dump of its grammar
//! (`FILTER(?x = )` → "expected one of ABS, AVG, DAY, …") or a position past the mistake
//! (`SELEC *` → "at 1:10: expected CONSTRUCT"). Common mistakes are found first by [`CHECKS`], in
//! order; otherwise the parser's position is kept, with what stands there and, when it says
//! something, what was expected. Every message shows the line with a caret under the place.

/// One check for a common mistake: the byte offset of the mistake and what to say, if found.
type Check = fn(&str) -> Option<(usize, String)>;

/// The checks, in order: the first that finds something is the message.
const CHECKS: &[Check] =
    &[unclosed_string, unbalanced_brackets, query_form, nameless_variable, missing_operand, short_triple];

/// Explains the syntax error `raw` (the parser's message) in `query`.
///
/// # Examples
/// ```
/// let msg = confgraph::rdf::sparql::syntax::explain("SELEC * WHERE { ?s ?p ?o }", "error at 1:10: expected CONSTRUCT");
/// assert!(msg.starts_with("line 1, column 1: a query begins with SELECT, ASK, CONSTRUCT or DESCRIBE"));
/// ```
#[must_use]
pub fn explain(query: &str, raw: &str) -> String {
    // The parser fails at or after the mistake, never before it: a check that finds something
    // past the parser's position has misread valid SPARQL (a property path, `VALUES`).
    let limit = parse_raw(raw).map_or(query.len(), |(line, column, _)| offset_of(query, line, column));
    let (offset, what) = CHECKS
        .iter()
        .filter_map(|check| check(query))
        .find(|(at, _)| *at <= limit)
        .unwrap_or_else(|| parser_says(query, raw));
    let offset = offset.min(query.len());
    let line_start = query[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = query[offset..].find('\n').map_or(query.len(), |i| offset + i);
    let line_no = query[..offset].matches('\n').count() + 1;
    let column = query[line_start..offset].chars().count() + 1;
    let line = query[line_start..line_end].replace('\t', " ");
    format!("line {line_no}, column {column}: {what}\n  {line}\n  {}^", " ".repeat(column - 1))
}

/// The parser's own position, with what stands there and what it expected when that is short
/// enough to help.
fn parser_says(query: &str, raw: &str) -> (usize, String) {
    let Some((line, column, expected)) = parse_raw(raw) else {
        return (0, raw.lines().next().unwrap_or(raw).to_owned());
    };
    let offset = offset_of(query, line, column);
    if expected.contains("Prefix not found") {
        let in_name = |c: char| c.is_alphanumeric() || "_-.:".contains(c);
        let start =
            query[..offset].char_indices().rev().find(|&(_, c)| !in_name(c)).map_or(0, |(i, c)| i + c.len_utf8());
        let prefix = query[start..offset].split(':').next().unwrap_or("");
        return (start, format!("the prefix `{prefix}:` is not declared: add `PREFIX {prefix}: <…>` before the query"));
    }
    let wanted = expected_summary(expected);
    // Some grammar rules read on to the end of the text, so the parser's farthest position can
    // be the end even when the mistake is earlier (`ORDER ?s` is reported after `?s`).
    if query[offset..].trim().is_empty() {
        return (offset, format!("the query ends here unfinished, or has a mistake before this point{wanted}"));
    }
    let found = token_at(query, offset);
    (offset, format!("unexpected {found}{wanted}"))
}

/// Line, column and the expected list of the parser's "error at L:C: expected …".
fn parse_raw(raw: &str) -> Option<(usize, usize, &str)> {
    let rest = raw.strip_prefix("error at ")?;
    let (position, expected) = rest.split_once(": ")?;
    let (line, column) = position.split_once(':')?;
    Some((line.parse().ok()?, column.parse().ok()?, expected))
}

/// The byte offset of a 1-based line and column (in characters).
fn offset_of(query: &str, line: usize, column: usize) -> usize {
    let line_start: usize = query.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let rest = query.get(line_start..).unwrap_or("");
    line_start + rest.char_indices().nth(column.saturating_sub(1)).map_or(rest.len(), |(i, _)| i)
}

/// What stands at `offset`: a quoted word or symbol, or the end of the query.
fn token_at(query: &str, offset: usize) -> String {
    let rest = query[offset..].trim_start();
    let Some(first) = rest.chars().next() else { return "end of query".to_owned() };
    let word: String = if first.is_alphanumeric() || "?$_".contains(first) {
        rest.chars().take_while(|c| c.is_alphanumeric() || "?$_:-".contains(*c)).collect()
    } else {
        first.to_string()
    };
    format!("`{word}`")
}

/// Families of expected tokens the parser lists, and how to say each.
const EXPECTED_FAMILIES: &[(&str, &str)] = &[
    ("STRSTARTS", "an expression"),
    ("isLITERAL", "an expression"),
    ("['0'..='9']", "a number"),
    ("CONSTRUCT", "SELECT, ASK, CONSTRUCT or DESCRIBE"),
    ("OPTIONAL", "a triple pattern, a keyword such as OPTIONAL or FILTER, or `}`"),
    ("SERVICE", "a triple pattern, a keyword such as OPTIONAL or FILTER, or `}`"),
    ("\"\\\"\"", "the closing quote of a string"),
];

/// ", expected …" when the parser's list says something a person can use, else nothing.
fn expected_summary(expected: &str) -> String {
    if let Some((_, said)) = EXPECTED_FAMILIES.iter().find(|(token, _)| expected.contains(token)) {
        return format!(", expected {said}");
    }
    let list = expected.strip_prefix("expected one of ").or_else(|| expected.strip_prefix("expected ")).unwrap_or("");
    let items: Vec<&str> =
        list.split(", ").filter(|item| !item.starts_with('[') && !item.is_empty() && !item.contains('\n')).collect();
    if items.is_empty() || items.len() > 4 || list.contains('[') && items.len() < 2 {
        return String::new();
    }
    format!(", expected {}", items.join(" or "))
}

/// Where the query's text outside strings, IRIs and comments is, byte by byte: `None` inside
/// them. Strings are '…', "…" and their tripled forms; an IRI is `<` followed by no space up to `>`.
fn code_bytes(query: &str) -> (Vec<Option<u8>>, Option<usize>) {
    let bytes = query.as_bytes();
    let mut out = vec![None; bytes.len()];
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end = match b {
            b'#' => Some(query[i..].find('\n').map_or(bytes.len(), |n| i + n)),
            b'<' => query[i + 1..]
                .find(|c: char| c == '>' || c.is_whitespace() || c == '<')
                .filter(|&n| query.as_bytes()[i + 1 + n] == b'>')
                .map(|n| i + n + 2),
            b'"' | b'\'' => match string_end(bytes, i) {
                Some(end) => Some(end),
                None => return (out, Some(i)),
            },
            _ => None,
        };
        if let Some(end) = end {
            i = end;
        } else {
            // (One ASCII byte for each byte of a wider character: offsets stay the query's.)
            out[i] = Some(if b.is_ascii() { b } else { b'x' });
            i += 1;
        }
    }
    (out, None)
}

/// The byte after the string opening at `start`, or `None` when it never closes.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let quote = bytes[start];
    let long = bytes.get(start..start + 3) == Some(&[quote; 3]);
    let (mut i, closing) = if long { (start + 3, 3) } else { (start + 1, 1) };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' if !long => return None,
            b if b == quote && bytes.get(i..i + closing).is_some_and(|s| s.iter().all(|&c| c == quote)) => {
                return Some(i + closing);
            }
            _ => i += 1,
        }
    }
    None
}

/// The query's code as text of the same length: strings, IRIs and comments as `\u{1}` each.
fn code_text(query: &str) -> String {
    code_bytes(query).0.into_iter().map(|b| b.map_or('\u{1}', char::from)).collect()
}

/// A string that never closes.
fn unclosed_string(query: &str) -> Option<(usize, String)> {
    code_bytes(query).1.map(|at| (at, "this string is never closed".to_owned()))
}

/// A `{`, `(` or `[` never closed, or a closing one with nothing open.
fn unbalanced_brackets(query: &str) -> Option<(usize, String)> {
    let mut open: Vec<(usize, u8)> = Vec::new();
    for (i, b) in code_bytes(query).0.into_iter().enumerate() {
        let Some(b) = b else { continue };
        let closes = match b {
            b'{' | b'(' | b'[' => {
                open.push((i, b));
                continue;
            }
            b'}' => b'{',
            b')' => b'(',
            b']' => b'[',
            _ => continue,
        };
        match open.pop() {
            Some((_, o)) if o == closes => {}
            Some((at, o)) => return Some((at, format!("this `{}` is closed by a `{}`", o as char, b as char))),
            None => return Some((i, format!("this `{}` closes nothing", b as char))),
        }
    }
    open.pop().map(|(at, o)| (at, format!("this `{}` is never closed", o as char)))
}

/// Words that begin an update, which confgraph's read-only queries do not run.
const UPDATE_WORDS: &[&str] = &["INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"];

/// The first word after the PREFIX and BASE lines is not a query form.
fn query_form(query: &str) -> Option<(usize, String)> {
    let code = code_text(query);
    // (Words end at brackets too: `SELECT(COUNT(*) AS ?n)`, `ASK{…}`; strings, IRIs and comments
    // are no words.)
    let mut words = code
        .split(|c: char| c.is_whitespace() || c == '{' || c == '(')
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c == '\u{1}'))
        .map(|w| (w.as_ptr() as usize - code.as_ptr() as usize, w));
    loop {
        let (at, word) = words.next()?;
        match word.to_ascii_uppercase().as_str() {
            // PREFIX name: <iri> (the IRI is blanked out) or BASE <iri>.
            "PREFIX" => drop(words.next()),
            "BASE" => {}
            "SELECT" | "ASK" | "CONSTRUCT" | "DESCRIBE" => return None,
            upper if UPDATE_WORDS.contains(&upper) => {
                return Some((
                    at,
                    "updates are not run: confgraph's queries read the graph, they never change it".to_owned(),
                ));
            }
            _ => {
                let word: String = word.chars().take_while(|c| c.is_alphanumeric()).collect();
                return Some((
                    at,
                    format!(
                        "a query begins with SELECT, ASK, CONSTRUCT or DESCRIBE (after any PREFIX lines), not `{word}`"
                    ),
                ));
            }
        }
    }
}

/// A `?` or `$` with no name after it.
fn nameless_variable(query: &str) -> Option<(usize, String)> {
    let code = code_bytes(query).0;
    code.iter().enumerate().find_map(|(i, b)| {
        let sign = (*b).filter(|b| matches!(b, b'?' | b'$'))?;
        // (`foaf:knows?`: a `?` right after a term is a property path.)
        if i > 0 && code[i - 1].is_none_or(|p| p.is_ascii_alphanumeric() || matches!(p, b')' | b'_' | b'>')) {
            return None;
        }
        let next = query[i + 1..].chars().next();
        let named = next.is_some_and(|c| c.is_alphanumeric() || c == '_');
        (!named).then(|| (i, format!("`{}` needs a variable name after it", sign as char)))
    })
}

/// Operators that need a value on each side.
const BINARY_OPERATORS: &[&str] = &["!=", "<=", ">=", "&&", "||", "=", "<", ">", "+", "/"];

/// A binary operator with nothing after it but a closing bracket or a comma.
fn missing_operand(query: &str) -> Option<(usize, String)> {
    let code = code_text(query);
    let mut i = 0;
    while i < code.len() {
        let Some(op) = BINARY_OPERATORS.iter().find(|op| code[i..].starts_with(**op)) else {
            i += code[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        // (`foaf:knows+`: a `+` or `/` right after a term is a property path.)
        let path = matches!(*op, "+" | "/") && !code[..i].ends_with(char::is_whitespace);
        let after = code[i + op.len()..].trim_start();
        if !path && (after.is_empty() || after.starts_with([')', '}', ','])) {
            return Some((i, format!("`{op}` needs a value on its right")));
        }
        i += op.len();
    }
    None
}

/// A triple pattern in a plain group (terms only) with fewer than three terms: `{ ?s ?p }`.
fn short_triple(query: &str) -> Option<(usize, String)> {
    let code = code_text(query);
    let mut from = 0;
    while let Some(open) = code[from..].find('{').map(|i| from + i) {
        from = open + 1;
        let Some(len) = code[from..].find(['{', '}']) else { break };
        // (`VALUES ?x { 1 2 }` holds values, not triples.)
        let lead = &code[code[..open].rfind(['{', '}', '.']).map_or(0, |i| i + 1)..open];
        if code.as_bytes()[from + len] == b'{' || lead.to_ascii_uppercase().contains("VALUES") {
            continue;
        }
        if let Some(found) = short_statement(&code, from, from + len) {
            return Some(found);
        }
    }
    None
}

/// In a group's text `code[start..end]`, the first statement with too few terms, if the group
/// holds only terms and separators.
fn short_statement(code: &str, start: usize, end: usize) -> Option<(usize, String)> {
    // Words with their offsets, literals and IRIs (blanked as \u{1}) words too; separators apart.
    let mut words: Vec<(usize, &str)> = Vec::new();
    for (at, w) in code[start..end].split_whitespace().map(|w| (w.as_ptr() as usize - code.as_ptr() as usize, w)) {
        let mut rest = (at, w);
        while let Some(k) = rest.1.find(['.', ';', ',']).filter(|_| rest.1.parse::<f64>().is_err()) {
            if k > 0 {
                words.push((rest.0, &rest.1[..k]));
            }
            words.push((rest.0 + k, &rest.1[k..=k]));
            rest = (rest.0 + k + 1, &rest.1[k + 1..]);
        }
        if !rest.1.is_empty() {
            words.push(rest);
        }
    }
    let is_term = |w: &str| {
        w.starts_with(['?', '$', '\u{1}'])
            || w == "a"
            || w.split_once(':').is_some_and(|(p, _)| p.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-'))
            || w.parse::<f64>().is_ok()
    };
    if words.iter().any(|(_, w)| !matches!(*w, "." | ";" | ",") && !is_term(w)) {
        return None;
    }
    let (mut needed, mut terms, mut first) = (3, 0, start);
    for &(at, w) in words.iter().chain(std::iter::once(&(end, "."))) {
        match w {
            "." | ";" | "," if terms > 0 && terms < needed => {
                let at = first;
                return Some((
                    at,
                    format!(
                        "a triple pattern needs a subject, a predicate and an object; one here has {terms} of {needed}"
                    ),
                ));
            }
            "." => (needed, terms) = (3, 0),
            ";" => (needed, terms) = (2, 0),
            "," => (needed, terms) = (1, 0),
            _ => {
                if terms == 0 {
                    first = at;
                }
                terms += 1;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first line of the explanation of `query`, as the parser fails on it.
    fn said(query: &str) -> String {
        let raw =
            oxigraph::sparql::SparqlEvaluator::new().parse_query(query).err().expect("a syntax error").to_string();
        explain(query, &raw).lines().next().unwrap().to_owned()
    }

    #[test]
    fn common_mistakes_are_named_where_they_are() {
        let cases = [
            ("SELEC * WHERE { ?s ?p ?o }", "line 1, column 1: a query begins with SELECT"),
            ("SELECT * WHERE { ?s ?p ?o FILTER(?o > 3 }", "line 1, column 33: this `(` is closed by a `}`"),
            ("SELECT * WHERE {\n  ?s ?p ?o\n", "line 1, column 16: this `{` is never closed"),
            ("SELECT * WHERE { ?s ?p \"x }", "line 1, column 24: this string is never closed"),
            ("SELECT * WHERE {\n ?s ?p ?o .\n ?s ?q ?\n}", "line 3, column 8: `?` needs a variable name"),
            ("SELECT * WHERE { ?s foo:bar ?o }", "line 1, column 21: the prefix `foo:` is not declared"),
            ("INSERT DATA { <a:b> <a:c> <a:d> }", "line 1, column 1: updates are not run"),
            ("SELECT * WHERE { ?s ?p ?x FILTER(?x = ) }", "line 1, column 37: `=` needs a value on its right"),
            (
                "SELECT ?s WHERE { ?s ?p }",
                "line 1, column 19: a triple pattern needs a subject, a predicate and an object",
            ),
            ("SELECT * WHERE { ?s ?p ?o ; ?q }", "line 1, column 29: a triple pattern needs"),
            ("SELECT * WHERE { ?s ?p ?o } LIMIT x", "line 1, column 35: unexpected `x`, expected a number"),
            (
                "SELECT * WHERE { ?s ?p ?o } ORDER ?s",
                "line 1, column 37: the query ends here unfinished, or has a mistake before this point, expected BY",
            ),
        ];
        for (query, start) in cases {
            let got = said(query);
            assert!(got.starts_with(start), "{query:?}\n  got:  {got}\n  want: {start}…");
        }
    }

    #[test]
    fn the_caret_stands_under_the_place_and_no_grammar_is_dumped() {
        let query = "PREFIX ex: <http://example.org/a>\nSELECT * WHERE { ?s ex:p ?x FILTER(?x = ) }";
        let raw = oxigraph::sparql::SparqlEvaluator::new().parse_query(query).err().unwrap().to_string();
        let msg = explain(query, &raw);
        let lines: Vec<&str> = msg.lines().collect();
        assert_eq!(lines.len(), 3, "{msg}");
        assert_eq!(lines[2].find('^'), lines[1].find("= )"), "{msg}");
        assert!(!msg.contains("ABS") && !msg.contains("u{"), "{msg}");
    }

    #[test]
    fn valid_sparql_around_the_mistake_is_not_blamed() {
        let cases = [
            ("SELECT * WHERE { ?s foaf:knows+ ?o }", "the prefix `foaf:` is not declared"),
            ("SELECT * WHERE { ?s foaf:knows? ?o }", "the prefix `foaf:` is not declared"),
            ("SELECT * WHERE { ?s ?p ?n FILTER(?n = \"Ana\") . ?s foaf:x ?o }", "the prefix `foaf:` is not declared"),
            ("SELECT(COUNT(*) AS ?n) WHERE { ?s ?p ?o } LIMIT x", "unexpected `x`"),
            ("ASK{ ?s ?p ?o } LIMIT x", "unexpected `x`"),
            // (The values are not blamed; the short pattern after them is not found either.)
            ("SELECT * WHERE { VALUES ?x { 1 2 } ?s ?p }", "column 43: the query ends here"),
        ];
        for (query, start) in cases {
            let got = said(query);
            assert!(got.contains(start), "{query:?}\n  got:  {got}\n  want: …{start}…");
        }
        // The short pattern itself is pointed at, not the group's first.
        assert!(said("SELECT * WHERE {\n ?s ?p ?o .\n ?s ?q\n}").starts_with("line 3, column 2: a triple pattern"));
    }

    #[test]
    fn wide_characters_keep_offsets_and_never_split() {
        // Found by the fuzzer: a `?` after a three-byte character in a comment.
        let query = "# caf\u{e9} \u{fffd}?\nSELECT * WHERE { ?s ?p \"\u{e9}t\u{e9}\" . ?s ?q ?\n}";
        let said = said(query);
        assert!(said.starts_with("line 2, column 38: `?` needs a variable name"), "{said}");
        // And a prefix name reported after a three-byte character.
        let _ = explain("SELECT * { ?s \u{fffd}x:p ?o }", "error at 1:18: expected one of Prefix not found");
        for cut in ["\u{fffd}?", "?\u{fffd}", "\u{e9} = )", "{ \u{e9}"] {
            let _ = explain(cut, "error at 1:2: expected one of ABS, [_]");
        }
    }

    #[test]
    fn brackets_inside_strings_iris_and_comments_do_not_count() {
        let query = "PREFIX ex: <http://e.org/(x> # {\nSELECT * WHERE { ?s ex:p \"}\" . ?s ex:q '''(''' }";
        assert!(CHECKS.iter().all(|check| check(query).is_none()));
    }
}
