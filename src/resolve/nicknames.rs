//! Short forms of given names (`Jess` = `Jessica`, `Josh` = `Joshua`, `Andy` = `Andrew`, `Gosia` =
//! `Małgorzata`, `Misha` = `Mikhail`, `Paco` = `Francisco`): a table,
//! not a rule, so a merge through it can say exactly which pair it used. Compared on folded,
//! lower-case names.

/// Each row: a formal given name and the short forms people go by.
const NICKNAMES: &[(&str, &[&str])] = &[
    ("abigail", &["abby", "abbie", "gail"]),
    ("aleksandr", &["sasha", "sanya", "alex"]),
    ("aleksandra", &["ola", "sasha"]),
    ("alexander", &["alex", "al", "sasha", "xander"]),
    ("alexandra", &["alex", "alexa", "sasha", "lexi"]),
    ("alexey", &["lyosha", "alyosha"]),
    ("andrew", &["andy", "drew", "andi"]),
    ("anthony", &["tony", "ant"]),
    ("barbara", &["basia", "barb"]),
    ("benjamin", &["ben", "benji", "benny"]),
    ("catherine", &["cathy", "cat", "kate", "katie", "kathy"]),
    ("charles", &["charlie", "chuck", "chas"]),
    ("christina", &["chris", "tina", "christy"]),
    ("christine", &["chris", "christy", "tina"]),
    ("christophe", &["chris"]),
    ("christopher", &["chris", "kit", "topher"]),
    ("daniel", &["dan", "danny"]),
    ("david", &["dave", "davey"]),
    ("deborah", &["deb", "debbie", "debby"]),
    ("dmitri", &["dima"]),
    ("dmitry", &["dima"]),
    ("dolores", &["lola"]),
    ("donald", &["don", "donny"]),
    ("edward", &["ed", "eddie", "ted", "ned"]),
    ("ekaterina", &["katya"]),
    ("elena", &["lena"]),
    ("elizabeth", &["liz", "lizzie", "beth", "betsy", "eliza", "libby"]),
    ("emily", &["em", "emmy"]),
    ("enrique", &["quique"]),
    ("evgeny", &["zhenya"]),
    ("francisco", &["paco", "pancho", "fran"]),
    ("frederick", &["fred", "freddie"]),
    ("giovanni", &["gianni"]),
    ("giuseppe", &["beppe", "peppe"]),
    ("gregory", &["greg"]),
    ("guadalupe", &["lupe"]),
    ("guillermo", &["memo"]),
    ("ignacio", &["nacho"]),
    ("ivan", &["vanya"]),
    ("jacob", &["jake", "jack"]),
    ("jakub", &["kuba"]),
    ("james", &["jim", "jimmy", "jamie"]),
    ("jeffrey", &["jeff"]),
    ("jennifer", &["jen", "jenn", "jenny"]),
    ("jessica", &["jess", "jessie"]),
    ("joanna", &["asia", "jo"]),
    ("johannes", &["hannes"]),
    ("john", &["jack", "johnny"]),
    ("jonathan", &["jon", "jonny"]),
    ("jose", &["pepe"]),
    ("josef", &["sepp"]),
    ("joseph", &["joe", "joey"]),
    ("joshua", &["josh"]),
    ("katarzyna", &["kasia"]),
    ("katherine", &["kate", "katie", "kathy", "kat", "kay"]),
    ("kenneth", &["ken", "kenny"]),
    ("lawrence", &["larry"]),
    ("malgorzata", &["gosia", "malgosia"]),
    ("margaret", &["maggie", "meg", "peggy"]),
    ("matthew", &["matt"]),
    ("michael", &["mike", "mikey", "mick"]),
    ("mikhail", &["misha"]),
    ("natalia", &["natasha"]),
    ("nicholas", &["nick", "nicky", "nico"]),
    ("nicole", &["nic", "nicky", "nikki"]),
    ("nikolai", &["kolya"]),
    ("olga", &["olya"]),
    ("pamela", &["pam"]),
    ("patricia", &["pat", "patty", "trish"]),
    ("patrick", &["pat", "paddy"]),
    ("pavel", &["pasha"]),
    ("rebecca", &["becky", "becca"]),
    ("richard", &["rick", "rich", "dick"]),
    ("robert", &["rob", "bob", "bobby", "robbie", "bert"]),
    ("ronald", &["ron", "ronnie"]),
    ("samantha", &["sam", "sammy"]),
    ("samuel", &["sam", "sammy"]),
    ("sergei", &["seryozha"]),
    ("sergey", &["seryozha"]),
    ("stephanie", &["steph", "stephie"]),
    ("stephen", &["steve", "stevie"]),
    ("steven", &["steve", "stevie"]),
    ("susan", &["sue", "susie"]),
    ("tatiana", &["tanya"]),
    ("theodore", &["ted", "theo", "teddy"]),
    ("thomas", &["tom", "tommy"]),
    ("timothy", &["tim", "timmy"]),
    ("tomasz", &["tomek"]),
    ("victoria", &["vicky", "tori"]),
    ("vladimir", &["volodya", "vova"]),
    ("william", &["will", "bill", "billy", "liam"]),
    ("wojciech", &["wojtek"]),
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
