//! Words that introduce people and their speech, shared by the entity and quote extractors.
//!
//! In: a word as written (titles) or lowercased (role nouns, verbs). Out: whether it is a
//! title before a name ("President", "Foreign Minister", "Secretary of State"), a role noun
//! ("spokesman"), a speaking verb ("said", "warning") or a word allowed between a subject
//! and its verb ("has also"), and the limits of a source phrase. The entity, quote, claim and
//! attribution extractors read these lists: entities to tell a person from a place, the others
//! to find who speaks.

/// Titles written before a name; cut from the mention, they make it a person.
pub(crate) const TITLES: &[&str] = &[
    "Adm.", "Admiral", "Advisor", "Adviser", "Ambassador", "Archbishop", "Ayatollah", "Bishop", "CEO", "Capt.",
    "Captain", "Cardinal", "Chair", "Chairman", "Chairwoman", "Chancellor", "Chief", "Col.", "Colonel", "Commander",
    "Commissioner", "Congressman", "Congresswoman", "Czar", "Dame", "Director", "Dr", "Dr.", "Emir", "Envoy", "Gen.",
    "General", "Gov.", "Governor", "Imam", "Judge", "King", "Lady", "Leader", "Lieutenant", "Lord", "Lt.", "Marshal",
    "Mayor", "Minister", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Pastor", "Pope", "Premier", "President",
    "President-elect", "Prince", "Princess", "Prof.", "Professor", "Queen", "Rabbi", "Rep.", "Representative",
    "Secretary", "Secretary-General", "Sen.", "Senator", "Sgt.", "Sheikh", "Sir", "Speaker", "Spokesman",
    "Spokesperson", "Spokeswoman", "Sultan", "Tsar",
];

/// Words that qualify a title ("Deputy Foreign Minister", "White House Press Secretary").
pub(crate) const TITLE_MODIFIERS: &[&str] = &[
    "Acting", "Chief", "Crown", "Defence", "Defense", "Deputy", "Executive", "Finance", "First", "Foreign", "Former",
    "Interim", "Interior", "Majority", "Minority", "Press", "Prime", "Senior", "Special", "Supreme", "Vice",
];

/// Departments after "Secretary of", "Minister of".
pub(crate) const DEPARTMENTS: &[&str] = &[
    "Affairs", "Agriculture", "Commerce", "Defence", "Defense", "Education", "Energy", "Finance", "Foreign", "Health",
    "Homeland", "Interior", "Justice", "Labor", "Labour", "Security", "Staff", "State", "Transportation", "Treasury",
    "War",
];

/// A word of a title phrase: a title, a word that qualifies one, a department or "of".
pub(crate) fn is_title_part(word: &str) -> bool {
    TITLES.contains(&word) || TITLE_MODIFIERS.contains(&word) || DEPARTMENTS.contains(&word) || word == "of"
}

/// Lowercase nouns that announce a person's name ("spokesman Dmitry Peskov").
pub(crate) const ROLE_NOUNS: &[&str] = &[
    "activist", "actor", "actress", "adviser", "advisor", "aide", "ambassador", "analyst", "author", "brother",
    "candidate", "ceo", "chairman", "chancellor", "chief", "coach", "colleague", "commander", "correspondent",
    "daughter", "deputy", "dictator", "diplomat", "director", "economist", "envoy", "father", "founder", "general",
    "governor", "husband", "journalist", "judge", "lawmaker", "lawyer", "leader", "mayor", "minister", "mother",
    "negotiator", "official", "premier", "president", "professor", "prosecutor", "reporter", "researcher",
    "secretary", "senator", "singer", "sister", "son", "son-in-law", "spokesman", "spokesperson", "spokeswoman",
    "wife", "writer",
];

/// Words allowed between a subject and its speaking verb ("Putin has also said").
pub(crate) const VERB_COMPANIONS: &[&str] = &[
    "again", "also", "already", "earlier", "has", "had", "have", "himself", "herself", "initially", "later", "never",
    "often", "once", "personally", "previously", "publicly", "recently", "repeatedly", "reportedly", "separately",
    "then", "would", "will",
];

/// Words that make one cue with the speaking verb after them ("has said", "also warned").
pub(crate) const CUE_AUXILIARIES: &[&str] = &["also", "had", "has", "have", "will", "would"];

/// Most words in the phrase that names a source ("the head of the Service Employees
/// International Union").
pub(crate) const MAX_SOURCE_WORDS: usize = 10;

/// Words that start a clause, so a subject phrase read backwards from its verb stops after
/// them. "who" is not one: it can be the source itself ("critics, who say …").
pub(crate) const CLAUSE_WORDS: &[&str] = &[
    "after", "although", "and", "as", "because", "before", "but", "if", "or", "since", "so", "that", "then", "though",
    "when", "where", "whether", "which", "while", "yet",
];

/// Whether the characters between two words end a phrase: a comma, a colon, a bracket, a
/// quotation mark or a dash.
pub(crate) fn breaks_phrase(gap: &str) -> bool {
    gap.contains([',', ';', ':', '(', ')', '[', ']', '“', '”', '"', '«', '»', '„', '—', '–'])
}

/// Whether a lowercase word is a verb that introduces speech ("said", "warned", "saying").
pub(crate) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.binary_search(&word).is_ok()
}

/// Verbs that introduce speech, in the forms news copy uses; sorted (binary search).
/// Third-person forms that are more often plural nouns ("states", "calls", "notes") are
/// left out.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "acknowledged", "acknowledges", "acknowledging", "add", "added", "adding", "adds", "admit", "admits",
    "admitted", "admitting", "announce", "announced", "announcing", "answered", "argue", "argued", "argues",
    "arguing", "ask", "asked", "asking", "asks", "assured", "assures", "boasted", "branded", "called",
    "calling", "cautioned", "cautioning", "chanted", "chanting", "claim", "claimed", "claiming", "commented",
    "complained", "conceded", "concedes", "conceding", "concluded", "concludes", "confirm", "confirmed",
    "confirming", "continued", "countered", "declare", "declared", "declares", "declaring", "demanded",
    "denied", "deny", "describe", "described", "describes", "describing", "dismissed", "dismissing", "echoed",
    "elaborated", "emphasised", "emphasising", "emphasized", "emphasizing", "exclaimed", "explain", "explained",
    "explaining", "explains", "insist", "insisted", "insisting", "insists", "joked", "labeled", "labelled",
    "lamented", "mused", "noted", "noting", "observed", "opined", "pleaded", "posted", "predicted", "promised",
    "quipped", "recalled", "recounted", "reiterated", "reiterates", "reiterating", "remarked", "replied",
    "replies", "reply", "replying", "reported", "respond", "responded", "responding", "responds", "retorted",
    "said", "say", "saying", "says", "scoffed", "shouted", "stated", "stating", "stress", "stressed",
    "stresses", "stressing", "suggested", "tell", "telling", "tells", "termed", "told", "tweeted", "tweeting",
    "underscored", "urge", "urged", "urging", "vowed", "warn", "warned", "warning", "warns", "wondered",
    "write", "writes", "writing", "wrote",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_are_sorted() {
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]), "{:?}", SPEECH_VERBS.windows(2).find(|w| w[0] >= w[1]));
    }
}
