//! Sentence-pair similarity: do two sentences report the same thing?
//!
//! In: sentences, and an [`Idf`] built from all the sentences being compared. Out: one
//! [`SentenceFeatures`] per sentence (built once), then [`score_pair`] for any two of them: a
//! symmetric score from 0 (unrelated) to 1 (same content), linear in the number of words.
//!
//! [`components`] gives eleven similarities of a pair, each in 0..1:
//!
//! * `content`: IDF-weighted Dice overlap of content-word concepts. A concept is a word's stem,
//!   its synonym group (a small news table: said/told, killed/died, deal/agreement, ...), or for
//!   rare capitalised words a consonant skeleton, so `Zelenskiy`/`Zelenskyy` match (and
//!   `Kiev`/`Kyiv`). Synonym and skeleton matches count a little less than exact ones.
//! * `containment`, `coverage`: the shared content weight over the lighter and over the
//!   heavier sentence's total.
//! * `trigrams`: Dice overlap of the character trigrams of content words (spelling variants,
//!   derivations the stemmer misses).
//! * `bigrams`, `unigrams`: Dice overlap of consecutive stem pairs and of stems, function
//!   words included.
//! * `unshared`: `exp(-w / 10)` for the content weight `w` of the heavier sentence that the
//!   other lacks: extra information means a different claim.
//! * `numbers`: Dice overlap of the numbers written in digits (1 when neither has any, 0.5
//!   when only one has some); `numbers_consistent`: 0 when each side has a number the other
//!   lacks.
//! * `length`: the shorter sentence's content-word count over the longer one's.
//! * `entities`: Dice overlap of the linked entity ids the caller attached to
//!   [`SentenceFeatures::entities`]; 1 unless both sentences have some.
//!
//! [`score_pair`] is the mean of `content` (a graded similarity that tracks STS-B) and the
//! paraphrase probability of a logistic regression on the others fitted on MRPC train (see
//! [`PARAPHRASE_WEIGHTS`]), times `0.8 + 0.2 × entities` (set by hand: the data sets have no
//! entity ids). Identical sentences score about 1,
//! unrelated ones about 0, and 0.5 is close to the best MRPC paraphrase threshold.
//!
//! Everything per pair is a merge of sorted lists: no hashing or allocation in [`score_pair`].

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::compare::background;
use crate::read::tokens;

/// Document frequencies of the sentences being compared, blended with the built-in
/// background table ([`background::STEMS`]) so that a few short articles still give common
/// words low weight and rare words high weight.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    local: HashMap<String, u32>,
    documents: u32,
}

/// How many local sentences weigh as much as the background table.
const LOCAL_HALF_WEIGHT: f64 = 100.0;

impl Idf {
    /// Counts, for every content-word stem, how many of `sentences` contain it.
    pub fn from_sentences<'s>(sentences: impl IntoIterator<Item = &'s str>) -> Idf {
        let mut idf = Idf::default();
        let mut stems: Vec<String> = Vec::new();
        for sentence in sentences {
            idf.documents = idf.documents.saturating_add(1);
            stems.clear();
            stems.extend(
                tokens::words(sentence).iter().filter(|t| !tokens::is_stopword(&t.norm)).map(|t| tokens::stem(&t.norm)),
            );
            stems.sort_unstable();
            stems.dedup();
            for stem in stems.drain(..) {
                *idf.local.entry(stem).or_insert(0) += 1;
            }
        }
        idf
    }

    /// Only the background table: for scoring sentences without a corpus of their own.
    pub fn background() -> Idf {
        Idf::default()
    }

    /// Inverse document frequency of a stem, 0 or more: high for rare words, low for common
    /// ones. With few local sentences the background decides; with many, the local counts.
    pub fn weight(&self, stem: &str) -> f64 {
        let background_df = background_df(stem).map_or(1.0, f64::from);
        let background_idf = ((f64::from(background::DOCUMENTS) + 1.0) / (background_df + 0.5)).ln();
        if self.documents == 0 {
            return background_idf;
        }
        let n = f64::from(self.documents);
        let local_df = self.local.get(stem).map_or(0.0, |&df| f64::from(df));
        let local_idf = ((n + 1.0) / (local_df + 0.5)).ln();
        let local_share = n / (n + LOCAL_HALF_WEIGHT);
        ((1.0 - local_share) * background_idf + local_share * local_idf).max(0.0)
    }
}

fn background_df(stem: &str) -> Option<u16> {
    background::STEMS.binary_search_by(|(s, _)| (*s).cmp(stem)).ok().map(|i| background::STEMS[i].1)
}

/// One content concept of a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Term {
    /// Stem, synonym group or name skeleton, hashed; the sort key.
    concept: u64,
    /// The stem itself, hashed: equal concepts with different stems are synonyms or variants.
    stem: u64,
    weight: f64,
}

/// What [`score_pair`] needs to know about a sentence; build it once with [`features`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceFeatures {
    /// Content concepts sorted by `concept`, one per concept (the heaviest).
    terms: Vec<Term>,
    /// Sum of the terms' weights.
    total_weight: f64,
    /// Character trigram hashes of the content words, sorted, deduplicated.
    trigrams: Vec<u32>,
    /// Hashes of all stems, function words included, sorted, deduplicated.
    unigrams: Vec<u64>,
    /// Hashes of consecutive stem pairs (all words), sorted, deduplicated.
    bigrams: Vec<u64>,
    /// Hashes of the numbers written in digits, sorted, deduplicated.
    numbers: Vec<u64>,
    /// Number of content words, repeats included.
    content_words: usize,
    /// Linked entity ids mentioned in the sentence, sorted and deduplicated by the caller.
    /// Empty by default; when both sentences of a pair have some, sharing none of them lowers
    /// the score by a fifth.
    pub entities: Vec<usize>,
}

/// Capitalised words rarer than this in the background are matched by their skeleton.
const RARE_NAME_DF: u16 = 60;

/// Builds the features of one sentence.
pub fn features(text: &str, idf: &Idf) -> SentenceFeatures {
    let mut f = SentenceFeatures::default();
    let mut previous_stem: Option<u64> = None;
    for (index, token) in tokens::words(text).iter().enumerate() {
        let stopword = tokens::is_stopword(&token.norm);
        let stemmed;
        let stem: &str = if stopword {
            &token.norm
        } else {
            stemmed = tokens::stem(&token.norm);
            &stemmed
        };
        let stem_hash = hash(b's', stem.as_bytes());
        f.unigrams.push(stem_hash);
        if let Some(previous) = previous_stem {
            f.bigrams.push(previous.rotate_left(17) ^ stem_hash);
        }
        previous_stem = Some(stem_hash);
        if stopword {
            continue;
        }
        if token.norm.starts_with(|c: char| c.is_ascii_digit()) {
            f.numbers.push(hash(b'n', token.norm.as_bytes()));
        }
        f.content_words += 1;
        push_trigrams(&token.norm, &mut f.trigrams);
        let background = background_df(stem);
        // A capitalised word at the start of a sentence is only a name when it is not common.
        let capitalised = text[token.range.clone()].starts_with(char::is_uppercase);
        let rare_name = capitalised && background.is_none_or(|df| df < RARE_NAME_DF) && (index > 0 || background.is_none());
        let concept = if rare_name {
            consonant_skeleton_hash(&token.norm)
        } else {
            synonym_group(stem).map_or(stem_hash, |group| hash(b'g', &group.to_le_bytes()))
        };
        f.terms.push(Term { concept, stem: stem_hash, weight: idf.weight(stem) });
    }
    f.terms.sort_unstable_by(|x, y| x.concept.cmp(&y.concept).then(y.weight.total_cmp(&x.weight)));
    f.terms.dedup_by_key(|t| t.concept);
    f.total_weight = f.terms.iter().map(|t| t.weight).sum();
    for list in [&mut f.unigrams, &mut f.bigrams, &mut f.numbers] {
        list.sort_unstable();
        list.dedup();
    }
    f.trigrams.sort_unstable();
    f.trigrams.dedup();
    f
}

/// Pushes the hashes of the character trigrams of ` norm ` (padded with spaces).
fn push_trigrams(norm: &str, out: &mut Vec<u32>) {
    let mut window = [' '; 3];
    for (k, c) in norm.chars().chain([' ']).enumerate() {
        window = [window[1], window[2], c];
        if k >= 1 {
            let mut bytes = [0u8; 12];
            let mut len = 0;
            for w in window {
                len += w.encode_utf8(&mut bytes[len..]).len();
            }
            out.push(hash(b't', &bytes[..len]) as u32);
        }
    }
}

/// A name's consonant skeleton (vowels and `y` dropped, doubled letters collapsed), hashed:
/// transliterations of one name usually share it. Too short a skeleton keeps the whole word.
fn consonant_skeleton_hash(norm: &str) -> u64 {
    let mut key = [0u8; 64];
    let mut len = 0;
    let mut last = None;
    for c in norm.chars() {
        if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | '\'' | '.') || last == Some(c) {
            continue;
        }
        last = Some(c);
        if len + c.len_utf8() > key.len() {
            break;
        }
        len += c.encode_utf8(&mut key[len..]).len();
    }
    if len < 2 {
        return hash(b'k', norm.as_bytes());
    }
    hash(b'k', &key[..len])
}

/// FNV-1a over a domain byte and `bytes`.
fn hash(domain: u8, bytes: &[u8]) -> u64 {
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    bytes.iter().fold(step(0xcbf2_9ce4_8422_2325, domain), |h, &b| step(h, b))
}

/// Groups of words that news reports use interchangeably for the same fact.
const SYNONYMS: &[&[&str]] = &[
    &["say", "said", "says", "saying", "told", "tell", "tells", "added", "noted", "remarked", "declared"],
    &["kill", "killed", "die", "died", "dead", "death", "deaths", "slain", "fatalities", "perished"],
    &["war", "conflict", "fighting", "hostilities", "warfare"],
    &["meeting", "meet", "met", "talks", "summit", "negotiations", "negotiation", "discussions"],
    &["agreement", "deal", "arrangement", "accord", "pact", "treaty"],
    &["attack", "strike", "assault", "raid", "offensive", "bombardment"],
    &["buy", "bought", "purchase", "acquire", "acquisition"],
    &["sell", "sold", "sale", "sales"],
    &["rise", "rose", "risen", "increase", "climb", "gain", "jump", "surge", "soar", "grew", "grow", "growth"],
    &["fall", "fell", "fallen", "drop", "decline", "decrease", "slip", "plunge", "tumble", "slide"],
    &["injured", "wounded", "hurt", "injuries", "injury"],
    &["arrest", "detain", "detention", "custody"],
    &["begin", "began", "begun", "start", "launch", "commence"],
    &["end", "finish", "conclude", "ended"],
    &["help", "aid", "assist", "assistance"],
    &["show", "showed", "shown", "indicate", "reveal"],
    &["big", "large", "huge", "major", "massive"],
    &["cut", "reduce", "reduction", "slash", "lower"],
    &["ceasefire", "truce", "armistice"],
    &["troops", "soldiers", "forces", "military", "army"],
    &["country", "nation"],
    &["city", "town"],
    &["company", "firm", "corporation", "group"],
    &["charge", "charged", "accuse", "accused", "indict", "indicted", "indictment"],
    &["resign", "quit", "resignation"],
    &["ask", "request", "urge", "urged"],
    &["try", "tried", "attempt"],
    &["win", "won", "victory"],
    &["lose", "lost", "loss"],
    &["get", "got", "obtain", "receive", "received"],
    &["go", "went", "gone"],
    &["make", "made"],
    &["think", "thought", "believe"],
    &["find", "found", "discover"],
    &["child", "children", "kid", "kids"],
    &["man", "men"],
    &["woman", "women"],
    &["person", "people", "persons"],
    &["ruling", "verdict", "decision", "decide", "judgment"],
    &["profit", "earnings", "income"],
    &["share", "shares", "stock", "stocks"],
    &["expect", "anticipate", "forecast", "predict"],
    &["spokesman", "spokeswoman", "spokesperson", "representative"],
    &["percent", "percentage", "pct"],
    &["kiev", "kyiv"],
    &["kharkov", "kharkiv"],
    &["odessa", "odesa"],
    &["leader", "head", "chief"],
    &["law", "legislation", "bill"],
    &["election", "vote", "poll", "ballot"],
    &["president", "presidency"],
    &["car", "vehicle", "automobile"],
    &["hospital", "clinic"],
    &["strong", "powerful"],
    &["hit", "struck"],
    &["fire", "blaze"],
    &["quake", "earthquake", "tremor"],
    &["plane", "aircraft", "jet", "airplane"],
    &["government", "administration", "authorities"],
];

/// The synonym group of a stem, if it has one.
fn synonym_group(stem: &str) -> Option<u32> {
    static TABLE: OnceLock<Vec<(String, u32)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: Vec<(String, u32)> = SYNONYMS
            .iter()
            .zip(0u32..)
            .flat_map(|(group, id)| group.iter().map(move |w| (tokens::stem(w), id)))
            .collect();
        table.sort();
        // A stem listed in two groups keeps the first: the table is small and hand-made.
        table.dedup_by(|later, earlier| later.0 == earlier.0);
        table
    });
    table.binary_search_by(|(s, _)| s.as_str().cmp(stem)).ok().map(|i| table[i].1)
}

/// Names of the similarity components, in the order of [`components`].
pub const COMPONENTS: [&str; 11] = [
    "content",
    "containment",
    "coverage",
    "trigrams",
    "bigrams",
    "unigrams",
    "unshared",
    "numbers",
    "numbers_consistent",
    "length",
    "entities",
];

/// Logistic-regression weights of [`components`] for "is a paraphrase" (`content` and
/// `entities` are not in the regression: 0), fitted on all 4,076 pairs of MRPC train by
/// `crate::eval::similarity::fit_mrpc_weights` (Newton's method, L2 penalty 1e-3). The
/// components are collinear, so a single weight (a negative one in particular) means little
/// on its own.
pub const PARAPHRASE_WEIGHTS: [f64; 11] =
    [0.0, -0.8373, 1.0468, 0.6455, -3.0922, 8.9185, 3.0859, 0.3929, 0.1163, 0.142, 0.0];

/// Intercept of the logistic regression fitted with [`PARAPHRASE_WEIGHTS`].
pub const PARAPHRASE_BIAS: f64 = -4.9877;

/// Synonym and name-skeleton matches count this much of an exact stem match.
const VARIANT_CREDIT: f64 = 0.8;

/// The similarity components of a pair, each in 0..1, in [`COMPONENTS`] order.
pub fn components(a: &SentenceFeatures, b: &SentenceFeatures) -> [f64; 11] {
    let shared = shared_weight(&a.terms, &b.terms);
    let lighter = a.total_weight.min(b.total_weight);
    let heavier = a.total_weight.max(b.total_weight);
    let ratio = |part: f64, whole: f64| if whole > 0.0 { (part / whole).min(1.0) } else { 0.0 };
    let common_numbers = common(&a.numbers, &b.numbers);
    let numbers = match (a.numbers.is_empty(), b.numbers.is_empty()) {
        (true, true) => 1.0,
        (false, false) => dice(&a.numbers, &b.numbers),
        _ => 0.5,
    };
    let each_has_its_own = a.numbers.len() > common_numbers && b.numbers.len() > common_numbers;
    let entities = if a.entities.is_empty() || b.entities.is_empty() { 1.0 } else { dice(&a.entities, &b.entities) };
    let (short, long) = (a.content_words.min(b.content_words), a.content_words.max(b.content_words));
    [
        ratio(2.0 * shared, a.total_weight + b.total_weight),
        ratio(shared, lighter),
        ratio(shared, heavier),
        dice(&a.trigrams, &b.trigrams),
        dice(&a.bigrams, &b.bigrams),
        dice(&a.unigrams, &b.unigrams),
        (-(heavier - shared).max(0.0) / 10.0).exp(),
        numbers,
        if each_has_its_own { 0.0 } else { 1.0 },
        ratio(short as f64, long as f64),
        entities,
    ]
}

/// How similar two sentences are, 0 to 1; symmetric. See the module doc.
pub fn score_pair(a: &SentenceFeatures, b: &SentenceFeatures) -> f64 {
    let parts = components(a, b);
    let logit = PARAPHRASE_BIAS + parts.iter().zip(PARAPHRASE_WEIGHTS).map(|(x, w)| x * w).sum::<f64>();
    let paraphrase = 1.0 / (1.0 + (-logit).exp());
    let [content, .., entities] = parts;
    ((0.5 * content + 0.5 * paraphrase) * (0.8 + 0.2 * entities)).clamp(0.0, 1.0)
}

/// Weight two term lists share, counting variant matches at [`VARIANT_CREDIT`].
fn shared_weight(a: &[Term], b: &[Term]) -> f64 {
    let mut shared = 0.0;
    merge(a, b, |x| x.concept, |x, y| {
        let credit = if x.stem == y.stem { 1.0 } else { VARIANT_CREDIT };
        shared += credit * x.weight.min(y.weight);
    });
    shared
}

/// Calls `on_match` for every pair of items with equal keys in two lists sorted by key.
fn merge<T, K: Ord>(a: &[T], b: &[T], key: impl Fn(&T) -> K, mut on_match: impl FnMut(&T, &T)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match key(&a[i]).cmp(&key(&b[j])) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                on_match(&a[i], &b[j]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// Number of items two sorted, deduplicated lists share.
fn common<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let mut n = 0;
    merge(a, b, |&x| x, |_, _| n += 1);
    n
}

/// Dice coefficient of two sorted, deduplicated lists; 0 when both are empty.
fn dice<T: Ord + Copy>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(a: &str, b: &str) -> f64 {
        let idf = Idf::from_sentences([a, b]);
        score_pair(&features(a, &idf), &features(b, &idf))
    }

    const SENTENCES: &[&str] = &[
        "The mayor of Lindqvist said 40 people were rescued on Monday.",
        "More than 60 people were rescued on Monday, the mayor of Lindqvist said.",
        "Zelenskiy met Putin's envoy in Kiev on Tuesday.",
        "Zelenskyy met Putin's envoy in Kyiv on Tuesday.",
        "Shares of the chipmaker fell 4.4% to $19.56 in early trading.",
        "A man is playing a guitar.",
        "",
        "   ",
        "🙂🙂 ?!",
        "Путин встретился с Уиткоффом в Кремле.",
        "قال الرئيس إن المحادثات كانت مثمرة",
        "a\0b \u{301}\u{301} x",
    ];

    #[test]
    fn scores_are_symmetric_and_in_range() {
        let idf = Idf::from_sentences(SENTENCES.iter().copied());
        let all: Vec<SentenceFeatures> = SENTENCES.iter().map(|s| features(s, &idf)).collect();
        for (i, a) in all.iter().enumerate() {
            for (j, b) in all.iter().enumerate() {
                let (ab, ba) = (score_pair(a, b), score_pair(b, a));
                assert!((0.0..=1.0).contains(&ab), "{i} {j}: {ab}");
                assert!((ab - ba).abs() < 1e-12, "{i} {j}: {ab} vs {ba}");
            }
        }
    }

    #[test]
    fn identical_sentences_score_about_one() {
        for s in SENTENCES.iter().filter(|s| s.chars().any(char::is_alphabetic)) {
            let value = score(s, s);
            assert!(value > 0.95, "{s:?}: {value}");
        }
    }

    #[test]
    fn unrelated_sentences_score_about_zero() {
        let cases = [
            (SENTENCES[0], SENTENCES[4]),
            (SENTENCES[2], SENTENCES[5]),
            ("The central bank raised interest rates by half a point.", "Heavy snow closed schools across the region."),
            (SENTENCES[0], ""),
            ("", ""),
        ];
        for (a, b) in cases {
            let value = score(a, b);
            assert!(value < 0.1, "{a:?} / {b:?}: {value}");
        }
    }

    #[test]
    fn same_event_outranks_different_event() {
        let cases = [
            // spelling variants of names and places
            (SENTENCES[2], SENTENCES[3], "Zelenskiy met Merkel's envoy in Berlin on Tuesday."),
            // synonyms
            (
                "The minister said the agreement was signed after the talks.",
                "The minister told reporters the deal was signed after the meeting.",
                "The minister told reporters the bridge was painted after the storm.",
            ),
            (
                "Three soldiers were killed in the attack on the base.",
                "Three troops died in the assault on the base.",
                "Three tourists were photographed in the museum near the base.",
            ),
            // a different number is a different claim
            (
                "The company said it would cut 1,200 jobs in France.",
                "The company said it would cut 1,200 jobs in France by 2025.",
                "The company said it would cut 300 jobs in France.",
            ),
        ];
        for (a, same, different) in cases {
            let (s, d) = (score(a, same), score(a, different));
            assert!(s > d, "{a:?}\n  same {s:.3}: {same:?}\n  different {d:.3}: {different:?}");
        }
    }

    #[test]
    fn paraphrases_cross_the_default_fact_threshold() {
        let value = score(SENTENCES[0], SENTENCES[1]);
        assert!(value > 0.5, "{value}");
        let value = score(SENTENCES[2], SENTENCES[3]);
        assert!(value > 0.7, "{value}");
    }

    #[test]
    fn variants_and_synonyms_share_concepts() {
        let idf = Idf::background();
        let pairs = [("Zelenskiy", "Zelenskyy"), ("Kiev", "Kyiv"), ("said", "told"), ("killed", "died"), ("deal", "agreement")];
        for (x, y) in pairs {
            let (a, b) = (features(&format!("They spoke {x}"), &idf), features(&format!("They spoke {y}"), &idf));
            let content = components(&a, &b)[0];
            assert!(content > 0.5, "{x}/{y}: {content}");
        }
    }

    #[test]
    fn shared_entities_raise_the_score() {
        let idf = Idf::background();
        let mut a = features("He met the envoy on Tuesday.", &idf);
        let mut b = features("He met the envoy on Tuesday.", &idf);
        let unknown = score_pair(&a, &b);
        a.entities = vec![1, 2];
        b.entities = vec![1, 2];
        let same = score_pair(&a, &b);
        b.entities = vec![3];
        let different = score_pair(&a, &b);
        assert!((same - unknown).abs() < 1e-12 && different < same - 0.1, "{unknown} {same} {different}");
    }

    #[test]
    fn idf_prefers_rare_and_locally_rare_words() {
        let background = Idf::background();
        assert!(background.weight("said") < background.weight("ceasefir"));
        assert!(background.weight("the") >= 0.0);
        let many: Vec<String> = (0..300).map(|i| format!("Witkoff spoke about item{i}.")).collect();
        let local = Idf::from_sentences(many.iter().map(String::as_str));
        assert!(local.weight("witkoff") < background.weight("witkoff"));
    }

    #[test]
    fn background_table_is_sorted_and_uses_our_stems() {
        assert!(background::STEMS.windows(2).all(|w| w[0].0 < w[1].0));
        for word in ["said", "people", "government", "percent", "announced", "meetings", "companies"] {
            let stem = tokens::stem(word);
            assert!(background_df(&stem).is_some(), "{word} → {stem}");
        }
    }

    #[test]
    fn synonym_table_has_no_stem_in_two_groups() {
        let mut seen: Vec<(String, usize)> = Vec::new();
        for (id, group) in SYNONYMS.iter().enumerate() {
            for word in *group {
                let stem = tokens::stem(word);
                if let Some((_, other)) = seen.iter().find(|(s, g)| *s == stem && *g != id) {
                    panic!("{word} ({stem}) is in groups {other} and {id}");
                }
                seen.push((stem, id));
            }
        }
    }
}
