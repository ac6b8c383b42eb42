//! Short forms of given names (`Jess` = `Jessica`, `Josh` = `Joshua`, `Andy` = `Andrew`): a table,
//! not a rule, so a merge through it can say exactly which pair it used. Compared on folded,
//! lower-case names.

/// Each row: a formal given name and the short forms people go by.
const NICKNAMES: &[(&str, &[&str])] = &[
    ("abigail", &["abby", "abbie", "gail"]),
    ("alexander", &["alex", "al", "sasha", "xander"]),
    ("alexandra", &["alex", "alexa", "sasha", "lexi"]),
    ("andrew", &["andy", "drew", "andi"]),
    ("anthony", &["tony", "ant"]),
    ("benjamin", &["ben", "benji", "benny"]),
    ("catherine", &["cathy", "cat", "kate", "katie", "kathy"]),
    ("charles", &["charlie", "chuck", "chas"]),
    ("christina", &["chris", "tina", "christy"]),
    ("christine", &["chris", "christy", "tina"]),
    ("christopher", &["chris", "kit", "topher"]),
    ("daniel", &["dan", "danny"]),
    ("david", &["dave", "davey"]),
    ("deborah", &["deb", "debbie", "debby"]),
    ("donald", &["don", "donny"]),
    ("edward", &["ed", "eddie", "ted", "ned"]),
    ("elizabeth", &["liz", "lizzie", "beth", "betsy", "eliza", "libby"]),
    ("emily", &["em", "emmy"]),
    ("frederick", &["fred", "freddie"]),
    ("gregory", &["greg"]),
    ("jacob", &["jake", "jack"]),
    ("james", &["jim", "jimmy", "jamie"]),
    ("jeffrey", &["jeff"]),
    ("jennifer", &["jen", "jenn", "jenny"]),
    ("jessica", &["jess", "jessie"]),
    ("john", &["jack", "johnny"]),
    ("jonathan", &["jon", "jonny"]),
    ("joseph", &["joe", "joey"]),
    ("joshua", &["josh"]),
    ("katherine", &["kate", "katie", "kathy", "kat", "kay"]),
    ("kenneth", &["ken", "kenny"]),
    ("lawrence", &["larry"]),
    ("margaret", &["maggie", "meg", "peggy"]),
    ("matthew", &["matt"]),
    ("michael", &["mike", "mikey", "mick"]),
    ("nicholas", &["nick", "nicky", "nico"]),
    ("nicole", &["nic", "nicky", "nikki"]),
    ("pamela", &["pam"]),
    ("patricia", &["pat", "patty", "trish"]),
    ("patrick", &["pat", "paddy"]),
    ("rebecca", &["becky", "becca"]),
    ("richard", &["rick", "rich", "dick"]),
    ("robert", &["rob", "bob", "bobby", "robbie", "bert"]),
    ("ronald", &["ron", "ronnie"]),
    ("samantha", &["sam", "sammy"]),
    ("samuel", &["sam", "sammy"]),
    ("stephanie", &["steph", "stephie"]),
    ("stephen", &["steve", "stevie"]),
    ("steven", &["steve", "stevie"]),
    ("susan", &["sue", "susie"]),
    ("theodore", &["ted", "theo", "teddy"]),
    ("thomas", &["tom", "tommy"]),
    ("timothy", &["tim", "timmy"]),
    ("victoria", &["vicky", "tori"]),
    ("william", &["will", "bill", "billy", "liam"]),
    ("zachary", &["zach", "zack"]),
];

/// The formal name a short form stands for, when `a` and `b` are one and the same given name
/// (`jess`/`jessica` → `jessica`; two short forms of one formal name count too).
#[must_use]
pub fn same_given_name(a: &str, b: &str) -> Option<&'static str> {
    if a == b {
        return None;
    }
    NICKNAMES
        .iter()
        .find(|(formal, short)| {
            let names = |x: &str| *formal == x || short.contains(&x);
            names(a) && names(b)
        })
        .map(|(formal, _)| *formal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms() {
        assert_eq!(same_given_name("jess", "jessica"), Some("jessica"));
        assert_eq!(same_given_name("joshua", "josh"), Some("joshua"));
        assert_eq!(same_given_name("andy", "andrew"), Some("andrew"));
        assert_eq!(same_given_name("andy", "drew"), Some("andrew"));
        assert_eq!(same_given_name("joshua", "brett"), None);
        assert_eq!(same_given_name("erin", "tania"), None);
        assert_eq!(same_given_name("jess", "jess"), None);
    }

    #[test]
    fn table_is_lower_case() {
        for (formal, short) in NICKNAMES {
            assert_eq!(*formal, formal.to_lowercase());
            assert!(short.iter().all(|s| *s == s.to_lowercase()));
        }
    }
}
