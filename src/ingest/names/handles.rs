//! Handles and profile links: `@JessicaGarson`, `twitter.com/ucodery`, `mas.to/@christyheaton`.
//!
//! Owns reading a social handle out of a word or a URL. A handle says who a speaker is when no
//! name is given; it is also evidence that two name forms are one person.

/// A text that is only a handle: `@JessicaGarson` → `JessicaGarson`.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::names::handles::parse_handle;
///
/// assert_eq!(parse_handle(" @ferris_dev ").as_deref(), Some("ferris_dev"));
/// assert_eq!(parse_handle("@ferris dev"), None);
/// ```
#[must_use]
pub fn parse_handle(text: &str) -> Option<String> {
    let t = text.trim().trim_matches(|c: char| matches!(c, '*' | '_' | '`'));
    let h = t.strip_prefix('@')?;
    let h = h.split('@').next().unwrap_or(h);
    let ok = (1..=40).contains(&h.len())
        && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
        && !h.ends_with('.')
        && h.chars().any(|c| c.is_ascii_alphabetic());
    ok.then(|| h.to_owned())
}

/// The user name of a social-profile URL: `twitter.com/ucodery` → `ucodery`,
/// `mas.to/@christyheaton` → `christyheaton`, `github.com/SamEdwardes` → `SamEdwardes`.
/// Repository, post and search URLs give `None`.
#[must_use]
pub fn profile_handle(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let rest = rest.trim_end_matches('/');
    let mut segments = rest.split('/');
    let host = segments.next()?.trim_start_matches("www.").to_lowercase();
    let path: Vec<&str> = segments.filter(|s| !s.is_empty()).collect();
    let [user] = path.as_slice() else {
        return None;
    };
    let user = user.split(['?', '#']).next()?;
    let social = matches!(
        host.as_str(),
        "twitter.com" | "x.com" | "github.com" | "gitlab.com" | "linktr.ee" | "bsky.app" | "instagram.com"
    );
    let name = if let Some(m) = user.strip_prefix('@') {
        m
    } else if social {
        user
    } else {
        return None;
    };
    let valid = !name.is_empty()
        && name.len() <= 40
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.');
    valid.then(|| name.to_owned())
}

/// A URL without its scheme and trailing slash, as handles are shown (`twitter.com/ucodery`).
#[must_use]
pub fn display_url(url: &str) -> String {
    let rest = url.split("://").nth(1).unwrap_or(url);
    rest.trim_start_matches("www.").trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_handles() {
        assert_eq!(profile_handle("https://twitter.com/ucodery").as_deref(), Some("ucodery"));
        assert_eq!(profile_handle("mas.to/@christyheaton").as_deref(), Some("christyheaton"));
        assert_eq!(profile_handle("https://github.com/JessicaGarson/").as_deref(), Some("JessicaGarson"));
        assert_eq!(profile_handle("https://github.com/microsoft/jupyrest"), None);
        assert_eq!(profile_handle("https://pretalx.com/pycascades-2025/talk/X/"), None);
        assert_eq!(parse_handle("@JessicaGarson").as_deref(), Some("JessicaGarson"));
        assert_eq!(display_url("https://www.twitter.com/ucodery/"), "twitter.com/ucodery");
    }
}
